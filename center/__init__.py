"""Reference implementation of the acceptance-center API v1 (FastAPI); see docs/api-v1.md.

Entry points for the rest of the project:
- ``center.app.create_app(db_url, *, seed_demo=True, catalog=None, clock=None, blob_dir=None)``
- ``center.inprocess.start_in_thread(db_url, blob_dir, port=0) -> RunningCenter(url, stop())``
- ``desk-center serve --db URL --port N`` (``center.cli.main``)
- ``center.demo_data``: the demo clerks, people, licences and pre-applications it seeds.
"""

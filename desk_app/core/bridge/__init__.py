"""The device bridge: the desk's devices for browser-based acceptance platforms.

HTTP + WebSocket on 127.0.0.1 only, over the same ``DeviceHub`` the desk uses. Read
``docs/device-bridge.md`` for the protocol and its security model.
"""

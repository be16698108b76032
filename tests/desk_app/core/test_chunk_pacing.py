"""Upload chunks sized to the link: about half a second each, within bounds."""

from desk_app.core.sending.chunk_pacing import KIB, MAX_CHUNK, MIN_CHUNK, START_CHUNK, ChunkPacer


def _run(pacer: ChunkPacer, rate: float, chunks: int) -> int:
    for _ in range(chunks):
        size = pacer.next_size()
        pacer.sent(size, size / rate)
    return pacer.next_size()


def test_a_fast_link_gets_half_second_chunks_growing_at_most_twofold():
    pacer = ChunkPacer()
    assert pacer.next_size() == START_CHUNK
    pacer.sent(START_CHUNK, START_CHUNK / (4 * 1024 * KIB))  # 4 MiB/s
    assert pacer.next_size() == 2 * START_CHUNK  # wanted 2 MiB, but one chunk may be a fluke
    assert _run(pacer, 4 * 1024 * KIB, 10) == 2 * 1024 * KIB
    assert pacer.largest == 2 * 1024 * KIB


def test_a_slow_line_gets_small_chunks_and_a_very_fast_one_the_cap():
    assert _run(ChunkPacer(), 128 * KIB, 10) == MIN_CHUNK  # 64 KiB is half a second there
    assert _run(ChunkPacer(), 100 * 1024 * KIB, 20) == MAX_CHUNK


def test_a_failed_chunk_halves_the_next_and_a_short_tail_is_ignored():
    pacer = ChunkPacer()
    _run(pacer, 2 * 1024 * KIB, 10)
    assert pacer.next_size() == 1024 * KIB
    pacer.failed()
    assert pacer.next_size() == 512 * KIB
    pacer.sent(100, 10.0)  # 100 bytes in 10 s: the end of a file, not a slow link
    assert pacer.next_size() == 512 * KIB
    for _ in range(10):
        pacer.failed()
    assert pacer.next_size() == MIN_CHUNK

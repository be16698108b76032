"""ID card and smart card readers.

Open a reader from its URI and read a typed identity::

    from devices.cards import open_reader
    reader = open_reader("sim:resident")          # or sam:/dev/ttyUSB0, pcsc:…, termb:…, sdtapi:…
    identity = reader.read_identity(timeout=5.0)  # DeviceError subclasses on failure
    panel.fill(identity.to_prefill()); hall_display.show(identity.masked_name())
    reader.close()

``enumerate_readers()`` lists simulators, PC/SC readers and candidate serial ports.
PC/SC readers also read bank card numbers (``PcscReader.read_bank_card``) and report
hot-plug / insert / remove through ``pcsc_monitor.PcscMonitor``.
"""

from devices.cards.identity import BankCard, Identity, IdType, PhotoStatus, Validity
from devices.cards.reader import CardReader, ReaderInfo
from devices.cards.simulator import SIM_IDENTITIES
from devices.cards.uri import CARD_SCHEMES, enumerate_readers, is_card_uri, open_reader

__all__ = [
    "CARD_SCHEMES",
    "SIM_IDENTITIES",
    "BankCard",
    "CardReader",
    "IdType",
    "Identity",
    "PhotoStatus",
    "ReaderInfo",
    "Validity",
    "enumerate_readers",
    "is_card_uri",
    "open_reader",
]

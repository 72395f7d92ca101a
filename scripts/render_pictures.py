"""Render the picture set to PNG for the PDFs (run after changing assets/pictures/*.svg).

reportlab cannot read SVG, and documents/ stays free of Qt, so the pictures a child can choose
for a document (avatars, people, places, celebrations, feelings, stickers) are kept as 512 px
PNG renders beside the SVGs. Qt renders them here, once, at build time.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/render_pictures.py

PDF fonts cannot draw colour emoji, so the emoji a child or young person is likely to type
(EMOJI below) are drawn in the PDFs as pictures too: 128 px renders, in assets/pictures/emoji,
of the same Twemoji release (the `@twemoji/svg` package, unpacked), named by code points as
Twemoji names them:

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/render_pictures.py --emoji-from package/
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PICTURES = ROOT / "assets" / "pictures"
OUT = PICTURES / "png"
PREFIXES = ("avatar-", "person-", "place-", "celebrate-", "feeling-", "sticker-")
SIZE = 512
EMOJI_OUT = PICTURES / "emoji"
EMOJI_SIZE = 128  # over 200 dpi at the largest size a name prints (44 pt)
# Faces, hearts, hands (with skin tones), people and families, animals, nature, food,
# activities, places, things, symbols and the flags of the families Lancashire serves.
EMOJI = """
😀 😃 😄 😁 😆 😅 😂 🤣 🥲 ☺️ 😊 😇 🙂 🙃 😉 😌 😍 🥰 😘 😗 😙 😚 😋 😛 😝 😜 🤪 🤨 🧐
🤓 😎 🥸 🤩 🥳 😏 😒 😞 😔 😟 😕 🙁 ☹️ 😣 😖 😫 😩 🥺 😢 😭 😤 😠 😡 🤬 🤯 😳 🥵 🥶 😱
😨 😰 😥 😓 🤗 🤔 🫣 🤭 🫢 🤫 🤥 😶 😐 😑 😬 🙄 😯 😦 😧 😮 😲 🥱 😴 🤤 😪 😵 🤐 🥴 🤢 🤮
🤧 😷 🤒 🤕 🤑 🤠 🫠 🫡 🫶 😈 👿 👹 👺 🤡 💩 👻 💀 👽 🤖 🎃 😺 😸 😹 😻 😼 😽 🙀 😿 😾 🙈
🙉 🙊
❤️ 🧡 💛 💚 💙 💜 🤎 🖤 🤍 🩷 🩵 🩶 💔 ❣️ 💕 💞 💓 💗 💖 💘 💝 💟 ❤️‍🔥 ❤️‍🩹 💋
💌 ♥️
👋 🤚 🖐️ ✋ 🖖 👌 🤌 🤏 ✌️ 🤞 🤟 🤘 🤙 👈 👉 👆 👇 ☝️ 👍 👎 ✊ 👊 🤛 🤜 👏 🙌 👐 🤲
🤝 🙏 ✍️ 💪 🫂
👍🏻 👍🏼 👍🏽 👍🏾 👍🏿 👋🏻 👋🏼 👋🏽 👋🏾 👋🏿 ✌🏻 ✌🏼 ✌🏽 ✌🏾 ✌🏿 👏🏻 👏🏼 👏🏽
👏🏾 👏🏿 🙏🏻 🙏🏼 🙏🏽 🙏🏾 🙏🏿 💪🏻 💪🏼 💪🏽 💪🏾 💪🏿 🫶🏻 🫶🏼 🫶🏽 🫶🏾 🫶🏿 🤞🏻
🤞🏼 🤞🏽 🤞🏾 🤞🏿 🙌🏻 🙌🏼 🙌🏽 🙌🏾 🙌🏿
👶 🧒 👦 👧 🧑 👨 👩 🧓 👴 👵 👪 👨‍👩‍👦 👨‍👩‍👧 👨‍👩‍👧‍👦 👨‍👩‍👦‍👦
👨‍👩‍👧‍👧 👩‍👩‍👦 👩‍👩‍👧 👨‍👨‍👦 👨‍👨‍👧 👩‍👦 👩‍👧 👨‍👦 👨‍👧
🧑‍🤝‍🧑 👭 👫 👬 👼 🎅 🤶 🧚 🧜 🦸 🦹 🧙 🙋 🤷 🤦 💁 🙆 🙅 🧘 🏃 💃 🕺 👸 🤴
🐶 🐱 🐭 🐹 🐰 🦊 🐻 🐼 🐻‍❄️ 🐨 🐯 🦁 🐮 🐷 🐽 🐸 🐵 🐔 🐧 🐦 🐤 🐣 🦆 🦅 🦉 🐺 🐴 🦄
🐝 🐛 🦋 🐌 🐞 🐢 🐍 🦎 🦖 🦕 🐙 🦑 🦀 🐠 🐟 🐡 🐬 🐳 🐋 🦈 🐊 🐅 🐆 🦓 🐘 🦛 🦏 🐪 🦒 🦘
🐄 🐎 🐖 🐑 🦙 🐐 🦌 🐕 🐩 🐈 🐈‍⬛ 🐓 🦃 🦚 🦜 🦢 🦩 🐇 🦝 🦔 🐾 🐉 🦥 🦦 🐁 🐿️ 🐕‍🦺
🦮 🐥 🕷️ 🐜 🦗
🌵 🎄 🌲 🌳 🌴 🌱 🌿 ☘️ 🍀 🍁 🍂 🍃 🌷 🌹 🥀 🌺 🌸 🌼 🌻 🌞 🌝 🌛 🌜 🌚 🌕 🌙 🌎 🌍 🌏
⭐ 🌟 ✨ ⚡ 🔥 🌈 ☀️ 🌤️ ⛅ ☁️ 🌧️ ⛈️ ❄️ ☃️ ⛄ 🌊 💧 ☔ 🌬️ 🪐 💐 🍄
🍏 🍎 🍐 🍊 🍋 🍌 🍉 🍇 🍓 🫐 🍈 🍒 🍑 🥭 🍍 🥥 🥝 🍅 🥑 🥦 🥕 🌽 🥔 🥐 🥯 🍞 🥖 🧀 🥚 🍳
🥞 🧇 🥓 🍗 🍖 🌭 🍔 🍟 🍕 🥪 🌮 🌯 🥗 🍝 🍜 🍲 🍛 🍣 🍱 🍤 🍙 🍚 🍥 🥠 🍡 🍧 🍨 🍦 🥧 🧁
🍰 🎂 🍮 🍭 🍬 🍫 🍿 🍩 🍪 🥜 🍯 🥛 🍼 ☕ 🍵 🧃 🥤 🧋 🍹 🫖 🧆 🥙 🍘
⚽ 🏀 🏈 ⚾ 🥎 🎾 🏐 🏉 🥏 🎱 🏓 🏸 🏒 🥅 ⛳ 🏹 🎣 🥊 🥋 🛹 🛼 ⛸️ 🎿 🛷 🏂 🏊 🚴 🤸 🧗
🏇 🏆 🥇 🥈 🥉 🏅 🎖️ 🎫 🎟️ 🎪 🎭 🎨 🎬 🎤 🎧 🎼 🎹 🥁 🎷 🎺 🎸 🪕 🎻 🎲 ♟️ 🎯 🎳 🎮
🕹️ 🧩 🪁 🪀 🤾 ⛹️ 🏋️ 🤽
🚗 🚕 🚙 🚌 🏎️ 🚓 🚑 🚒 🚐 🚚 🚜 🚲 🛴 🏍️ 🚂 🚆 ✈️ 🚀 🛸 🚁 ⛵ 🚤 🛳️ 🏠 🏡 🏘️ 🏫
🏥 🏰 🏟️ 🎡 🎢 🎠 ⛲ ⛱️ 🏖️ 🏝️ 🏕️ ⛺ 🗺️ 🌃 🌆 🚦 🛝 🗽 🕌 ⛪ 🛕 🕍
📱 💻 ⌚ 📷 📸 📺 📻 ⏰ 🎁 🎈 🎉 🎊 🎀 🪄 🧸 🪅 🪆 🖍️ ✏️ 📝 📚 📖 ✂️ 📌 🔑 🗝️ 💡
🔦 🕯️ 🛏️ 🪴 💰 💎 🎒 👑 👓 🕶️ 👕 👗 👟 🧢 🎓 🧦 🧤 🧣 🎵 🎶 🔔 📣 💌 📮 🖼️ 🧁 🪩
🛁 🧼 🪥
✅ ✔️ ❌ ⭕ ❓ ❗ ‼️ ⁉️ 💯 💤 💢 💥 💫 💦 💨 🆗 🆒 🆕 🔝 🔴 🟠 🟡 🟢 🔵 🟣 ⚫ ⚪ 🟤
☮️ ☯️ ♻️ ⚠️ ➕ 🏁 🚩 🎌 🔮 🧿 🪬 ☪️ ✝️ ☸️ ✡️ 🕉️ 🪯
🇬🇧 🏴󠁧󠁢󠁥󠁮󠁧󠁿 🏴󠁧󠁢󠁷󠁬󠁳󠁿 🏴󠁧󠁢󠁳󠁣󠁴󠁿 🇮🇪 🇵🇱 🇵🇰 🇮🇳 🇧🇩 🇷🇴 🇱🇹 🇱🇻
🇸🇰 🇨🇿 🇳🇬 🇸🇴 🇪🇷 🇹🇷 🇺🇦 🇸🇾 🇦🇫 🇮🇶 🇮🇷 🇻🇳 🇨🇳 🇯🇲 🇺🇸 🇵🇹 🇪🇸 🇫🇷
🇮🇹 🇩🇪 🇬🇭 🇿🇼 🇰🇪 🇵🇭 🇭🇺 🇧🇬 🇦🇱 🇸🇩 🏳️‍🌈 🏳️‍⚧️
"""


def render(svg: Path, target: Path, size: int = SIZE) -> None:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"Cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    # Quality 0 is the PNG writer's strongest (lossless) compression.
    if not image.save(str(target), "PNG", 0 if size == EMOJI_SIZE else -1):
        raise SystemExit(f"Cannot write {target}")


def twemoji_name(sequence: str) -> str:
    """Twemoji's file name for an emoji: its code points in hex, with the variation selector
    FE0F left out unless the emoji is a sequence joined with ZWJ."""
    if "\u200d" not in sequence:
        sequence = sequence.replace("\ufe0f", "")
    return "-".join(f"{ord(char):x}" for char in sequence)


def render_emoji(package: Path) -> int:
    folder = package / "svg" if (package / "svg").is_dir() else package
    EMOJI_OUT.mkdir(exist_ok=True)
    names = dict.fromkeys(twemoji_name(sequence) for sequence in EMOJI.split())
    for name in names:
        svg = folder / f"{name}.svg"
        if not svg.is_file():
            raise SystemExit(f"No {svg.name} in {folder}")
        render(svg, EMOJI_OUT / f"{name}.png", EMOJI_SIZE)
    return len(names)


def main() -> int:
    QGuiApplication(sys.argv)
    if len(sys.argv) == 3 and sys.argv[1] == "--emoji-from":
        print(f"Rendered {render_emoji(Path(sys.argv[2]))} emoji to {EMOJI_OUT}")
        return 0
    OUT.mkdir(exist_ok=True)
    count = 0
    for svg in sorted(PICTURES.glob("*.svg")):
        if svg.stem.startswith(PREFIXES):
            render(svg, OUT / f"{svg.stem}.png")
            count += 1
    print(f"Rendered {count} pictures to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

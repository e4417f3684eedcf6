"""Front matter as editors meet it in a new file: every field, explained in Vietnamese.

``invoke new`` and ``invoke import-legacy`` write the fields they know as values
and every other field as a commented example, so an editor learns the contract
(docs/design/front-matter.md) from the file itself. Each example, uncommented,
is valid against the sample registries (a test makes sure).
"""

import datetime as dt
import json

from plugins.domain.dates import TZ
from plugins.domain.registries import Registries
from plugins.domain.text import nfc

HEADER = """\
# Dòng bắt đầu bằng "#" là ghi chú: website bỏ qua. Muốn dùng một trường thì bỏ
# dấu "#" ở đầu các dòng của trường đó rồi điền giá trị. Hướng dẫn đầy đủ:
# docs/huong-dan-bien-tap.md. Kiểm tra bài bằng lệnh: make check"""

REQUIRED_HELP = {
    "title": "# Tiêu đề bài (bắt buộc). Giữ dấu ngoặc kép ở hai đầu.",
    "date": (
        "# Ngày giờ đăng (bắt buộc), giờ Việt Nam, dạng ngày-tháng-năm giờ:phút.\n"
        "# Bài có ngày trong tương lai chỉ hiện lên website từ ngày giờ đó."
    ),
}

# Optional fields in the order of docs/design/front-matter.md.
OPTIONAL_HELP: dict[str, str] = {
    "status": """\
# Trạng thái: published (đăng — mặc định), draft (bản nháp, chưa đăng),
# hidden (có trang riêng nhưng không hiện trong các danh sách).
# status: draft""",
    "slug": """\
# Tên bài trong địa chỉ web (chữ thường không dấu, số, dấu "-"); mặc định lấy
# từ tiêu đề. Địa chỉ bài là /tin-tuc/{năm}/{slug}/ — đừng đổi sau khi đã đăng.
# slug: ten-bai-viet""",
    "modified": """\
# Ngày giờ sửa nội dung quan trọng gần nhất.
# modified: 25-06-2019 08:00""",
    "summary": """\
# Đoạn tóm tắt hiện ở danh sách tin; mặc định là đoạn đầu tiên của bài.
# summary: Một hai câu tóm tắt nội dung chính của bài.""",
    "source": """\
# Nguồn tin, hiện cuối bài thành "Nguồn tin: …".
# source: Văn phòng""",
    "author": """\
# Tác giả (người viết, người chụp ảnh).
# author: Nguyễn Văn A""",
    "tags": """\
# Từ khóa (thẻ), mỗi thẻ có trang riêng /the/{thẻ}/.
# tags: [Thi đua, Hội nghị]""",
    "image": """\
# Ảnh đại diện (danh sách tin, chia sẻ lên mạng xã hội) và câu mô tả ảnh cho
# người khiếm thị (bắt buộc khi có ảnh). Mặc định là ảnh đầu tiên của images.
# image: anh-dai-dien.jpg
# image_alt: Quang cảnh hội nghị""",
    "images": """\
# Ảnh trong bài: chép tệp ảnh vào cạnh bài viết (bài dạng thư mục
# {tên-bài}/index.md) hoặc vào content/images/, ghi tên tệp và chú thích. Chèn
# ảnh vào thân bài bằng một dòng ![](ten-anh.jpg); ảnh không chèn sẽ hiện thành
# bộ ảnh cuối bài.
# images:
#   - {src: anh-1.jpg, caption: Toàn cảnh hội nghị}""",
    "units": """\
# Đơn vị bài nói tới (mã trong content/data/units.yml, hoặc tên đơn vị):
# bài sẽ hiện trên trang của từng đơn vị.
# units: [thai-nguyen, tuyen-quang]""",
    "event": """\
# Sự kiện bài đưa tin: loại sự kiện (type, trong content/data/event-types.yml),
# ngày, nơi, đơn vị đăng cai (host), khối thi đua (bloc), năm thi đua được
# tổng kết (year) và các hoạt động khác trong sự kiện (activities).
# event:
#   type: hoi-nghi-tong-ket
#   date: 24/02/2017
#   place: Thành phố Thái Nguyên
#   host: thai-nguyen
#   bloc: khoi-kcn-tdmnpb
#   year: 2016
#   activities: [phat-dong-thi-dua, ky-giao-uoc]""",
    "roles": """\
# Trưởng khối (head) và Phó khối (deputy) của khối thi đua trong năm thi đua.
# roles:
#   - {bloc: khoi-kcn-tdmnpb, year: 2017, head: tuyen-quang, deputy: bac-giang}""",
    "awards": """\
# Khen thưởng, mỗi dòng một khen thưởng (loại trong content/data/awards.yml).
# Ghi đúng một trong: recipient (mã đơn vị), person (tên người, kèm unit nếu
# biết) hoặc individuals (số cá nhân không nêu tên). status: de-nghi (đề nghị)
# hoặc da-tang (đã tặng — mặc định); by: đơn vị tặng; decision: số quyết định.
# awards:
#   - {type: bang-khen-bo-truong, recipient: tuyen-quang, by: bo-khdt, status: de-nghi}
#   - {type: giay-khen, person: Nguyễn Văn A, unit: thai-nguyen, decision: 12/QĐ-BQL}""",
    "people": """\
# Người được nêu tên trong bài: chức danh, đơn vị, vai trò tại sự kiện.
# people:
#   - {name: Nguyễn Văn A, title: Trưởng ban, unit: thai-nguyen, role: chủ trì}""",
    "legacy_url": """\
# Địa chỉ của bài trên website cũ: địa chỉ cũ sẽ tự chuyển sang bài này.
# legacy_url: /tin-tuc-su-kien/-/asset_publisher/ndELOWDiCSjm/content/ten-bai""",
}


def quoted(text: str) -> str:
    """``text`` as a double-quoted YAML scalar (JSON strings are valid YAML)."""
    return json.dumps(nfc(text), ensure_ascii=False)


def format_date(moment: dt.datetime) -> str:
    """The day-first form of the contract, in Vietnamese time: ``24-06-2019 10:27``."""
    return moment.astimezone(TZ).strftime("%d-%m-%Y %H:%M")


def category_help(registries: Registries) -> str:
    """The required category with its choices from ``categories.yml``."""
    choices = sorted(registries.categories.values(), key=lambda c: (c.order, c.id))
    width = max((len(c.id) for c in choices), default=0)
    lines = ["# Chuyên mục (bắt buộc), một trong:"]
    lines += [f"#   {c.id:<{width}}  {c.name}" for c in choices]
    return "\n".join(lines)


def default_category(registries: Registries) -> str:
    """The first category of the menu: where an editor would look for new news."""
    choices = sorted(registries.categories.values(), key=lambda c: (c.order, c.id))
    if not choices:
        raise ValueError("content/data/categories.yml has no category")
    return choices[0].id


def commented(fields: list[str]) -> str:
    """The help and commented example of each optional field, in order."""
    return "\n\n".join(OPTIONAL_HELP[name] for name in fields)

"""Q018: a video's thumbnail left where the video was, and nothing on the page that plays it."""

from __future__ import annotations

import re
from typing import Iterator

from contentlint.analysis.phrases import as_shown, quoted
from contentlint.analysis.structure import IMAGE, INLINE, REFERENCE, Link, Structure, document_structure
from contentlint.document import Document
from contentlint.model.findings import Violation
from contentlint.model.settings import Config
from contentlint.plugin import rule

# Where sites keep the still images of the videos they embed: Drupal's oEmbed and video-field folders
# (and its stand-in icon for a video without one), YouTube's and Vimeo's thumbnail servers. The group
# that matched names the folder, icon or host.
_THUMBNAIL = re.compile(
    r"/(oembed_thumbnails/|video_thumbnails/|media-icons/generic/video\.png)"
    r"|^(?:https?:)?//(img\.youtube\.com|i\d?\.ytimg\.com)/vi(?:_webp)?/"
    r"|^(?:https?:)?//(i\.vimeocdn\.com)/video/"
    r"|^(?:https?:)?//(vumbnail\.com)/",
    re.IGNORECASE,
)
# Addresses that play a video: its host's pages, players and embeds, or a video file.
_VIDEO = re.compile(
    r"^(?:https?:)?//(?:[a-z0-9-]+\.)*(?:youtube\.com|youtu\.be|youtube-nocookie\.com|vimeo\.com|dailymotion\.com"
    r"|dai\.ly|wistia\.com|wistia\.net|brightcove\.net|kaltura\.com|fb\.watch|videocast\.nih\.gov)(?:[/?#:]|$)"
    r"|^(?:https?:)?//(?:www\.)?(?:facebook\.com/[^?#]*/videos?/|ted\.com/talks/)"
    r"|\.(?:mp4|m4v|webm|mov|ogv|m3u8)(?:[?#]|$)",
    re.IGNORECASE,
)
_EMBED = re.compile(r"<(?:video|iframe|embed|object)\b", re.IGNORECASE)


@rule("Q018", "video-lost", "warning")
def video_lost(document: Document, config: Config) -> Iterator[Violation]:
    """A video's thumbnail stands where the video was, and nothing on the page plays it or
    links to it.

    Why it matters: a web page shows a video through a player that a copy of its text does
    not keep. What a scraper keeps is the player's still image, so the page shows a picture
    of the video, often with its title below it, and nothing to play. Where the video was
    the page's main content (a video page, a doctor's talk), the page has lost it, and a
    reader, or an assistant answering from the page, cannot tell.

    Reported: each Markdown image whose address is a video's thumbnail (a site's
    `oembed_thumbnails/` or `video_thumbnails/` folder, Drupal's stand-in icon
    `media-icons/generic/video.png`, `img.youtube.com/vi/`, `i.ytimg.com/vi/`,
    `i.vimeocdn.com/video/`, `vumbnail.com`), when the image is not a link and nothing on
    the page plays a video. The message quotes the short line below the image, where sites
    print the video's title: search the source site for it.

    Example:

        # Living with a brain tumour

        ![](https://example.org/files/oembed_thumbnails/k3Jd9.jpg)

        Living with a brain tumour: a patient's story

    Not reported: a thumbnail inside a link, the usual way to show a video in Markdown:

        [![Watch](https://i.ytimg.com/vi/ID/0.jpg)](https://www.youtube.com/watch?v=ID)

    nor on a page that links to a video anywhere (YouTube, Vimeo, a player, a video file)
    or still embeds one (`<iframe>`, `<video>`); nor images in code.

    Fix: find the video on the source page and link to it beside the image (or to its
    transcript), or, where the video was the whole page, replace the page with the
    transcript. There is no automatic fix: the thumbnail's name does not say which video
    it shows.

    Options: none.
    """
    view = document_structure(document)
    thumbnails = [
        (link, match) for link in view.links if link.kind == IMAGE and (match := _THUMBNAIL.search(link.dest))
    ]
    if not thumbnails or _plays_a_video(view.links) or _embeds_a_player(view):
        return
    linked = _inside_links(view.links, [image for image, _ in thumbnails])
    for image, match in thumbnails:
        if view.in_code(image.start) or image.start in linked:
            continue
        source, title = _source(match), _caption(view, image)
        above = f", above {quoted(title, 60)}" if title else ""
        yield Violation(
            view.line_of(image.start), _column(view, image),
            f"only the thumbnail of a video is left here (an image from {source}{above}): the video was lost when "
            "the page was copied, and nothing on the page plays it or links to it; link to the video, or to "
            "its transcript, beside the image",
            subject=image.target,
        )


def _inside_links(links: tuple[Link, ...], images: list[Link]) -> set[int]:
    """The starts of the images that stand inside a link's text: one sweep over links and images,
    both in order of their starts."""
    outer = sorted((link.start, link.end) for link in links if link.kind in (INLINE, REFERENCE))
    inside: set[int] = set()
    reach, index = -1, 0
    for image in sorted(images, key=lambda image: image.start):
        while index < len(outer) and outer[index][0] < image.start:
            reach = max(reach, outer[index][1])  # the furthest end of a link that starts before the image
            index += 1
        if image.end <= reach:
            inside.add(image.start)
    return inside


def _caption(view: Structure, image: Link) -> str:
    """The video's title, as sites print it under the thumbnail: the next paragraph, when the
    image stands alone in its own and the next is one short line; else ""."""
    paragraphs, body = view.paragraphs, view.body
    at = view.paragraph_index(image.start)
    if at < 0 or at + 1 >= len(paragraphs):
        return ""
    own = paragraphs[at]
    if body[own.start:own.end].strip() != body[image.start:image.end]:
        return ""  # words beside the image: the next paragraph is not its caption
    following = paragraphs[at + 1]
    text = as_shown(body[following.start:following.end]).strip()
    return text if text and "\n" not in text and len(text) <= 100 and not text.endswith(":") else ""


def _column(view: Structure, image: Link) -> int:
    """The column of the image's "![": counted back from its address's, when both are on one line
    (as good as always; looking for the line's start costs as much as the line is long)."""
    if image.line == view.line_of(image.start):
        return image.column - (image.offset - image.start)
    return view.column_of(image.start)


def _source(match: re.Match[str]) -> str:
    """The folder (``oembed_thumbnails/``), icon or host (``i.ytimg.com``) a thumbnail comes from."""
    return next((group for group in match.groups() if group), "")


def _plays_a_video(links: tuple[Link, ...]) -> bool:
    """Whether a link, raw HTML address or bare URL of the page (not an image) plays a video."""
    return any(
        link.kind != IMAGE and _VIDEO.search(link.dest) and not _THUMBNAIL.search(link.dest) for link in links
    )


def _embeds_a_player(view: Structure) -> bool:
    """Whether the page's HTML still embeds a player (``<iframe>``, ``<video>``) outside code."""
    return any(not view.in_code(match.start()) for match in _EMBED.finditer(view.body))

"""Limits on what editors and reporters upload: a picture's bytes and pixels (decompression
bombs), checked before anything is stored; the editor's image upload wrapped with them."""

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.views.decorators.http import require_POST
from django_ckeditor_5.views import upload_file
from PIL import Image

MAX_IMAGE_BYTES = 20 * 1024 * 1024
MAX_IMAGE_PIXELS = 60_000_000  # a 60-megapixel camera's frame; a newspaper needs no more


def check_image(upload) -> None:
    """Raise ValidationError, in Chinese, for a picture too big in bytes or pixels, or no picture."""
    if upload.size > MAX_IMAGE_BYTES:
        raise ValidationError(f"图片不能超过 {MAX_IMAGE_BYTES // (1024 * 1024)} MB。")
    position = upload.tell()
    try:
        with Image.open(upload) as image:  # reads the header only: the pixels are never decoded here
            width, height = image.size
    except Image.DecompressionBombError:
        width, height = MAX_IMAGE_PIXELS, 2  # Pillow refuses to even open it: far over any limit
    except Exception as exc:  # Pillow raises many kinds for a file that is not a picture
        raise ValidationError("文件不是可识别的图片。") from exc
    finally:
        upload.seek(position)
    if width * height > MAX_IMAGE_PIXELS:
        raise ValidationError(
            f"图片尺寸过大({width}×{height} 像素),请缩小到 {MAX_IMAGE_PIXELS // 1_000_000} 百万像素以内。"
        )


@require_POST
def editor_image_upload(request):
    """CKEditor 5's image upload, with the limits above checked first."""
    upload = request.FILES.get("upload")
    if upload is None:
        return JsonResponse({"error": {"message": "没有收到图片。"}}, status=400)
    try:
        check_image(upload)
    except ValidationError as exc:
        return JsonResponse({"error": {"message": exc.messages[0]}}, status=400)
    return upload_file(request)

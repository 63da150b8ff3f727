// Transcoder over glibc's iconv.
#include "input/transcoder.h"

#include <cerrno>

namespace listscan {

absl::StatusOr<std::unique_ptr<Transcoder>> Transcoder::Create(TextEncoding encoding) {
  const char* from = encoding == TextEncoding::kCp1252 ? "CP1252" : "ISO-8859-1";
  iconv_t handle = iconv_open("UTF-8", from);
  if (handle == reinterpret_cast<iconv_t>(-1)) {
    return absl::UnavailableError(std::string("iconv cannot convert from ") + from);
  }
  return std::unique_ptr<Transcoder>(new Transcoder(handle));
}

Transcoder::~Transcoder() { iconv_close(handle_); }

void Transcoder::Append(std::string_view bytes, std::string* out) {
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  while (in_left > 0) {
    const size_t old = out->size();
    out->resize(old + in_left * 3 + 4);  // every single byte becomes at most 3 UTF-8 bytes
    char* write = out->data() + old;
    size_t out_left = in_left * 3 + 4;
    const size_t result = iconv(handle_, &in, &in_left, &write, &out_left);
    out->resize(out->size() - out_left);
    if (result == static_cast<size_t>(-1) && errno == EILSEQ) {
      out->append("\xEF\xBF\xBD");  // a byte the encoding leaves undefined (cp1252's 0x81...)
      ++in;
      --in_left;
    } else if (result == static_cast<size_t>(-1)) {
      break;
    }
  }
}

}  // namespace listscan

// ExtractContact: small hand-written recognisers, tried from the most specific (an e-mail
// address, a messenger link) to the least (a bare number).
#include "output/contact.h"

#include <array>
#include <cctype>
#include <utility>

namespace listscan {
namespace {

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Calling codes of the EEA (and the UK), and whether the national trunk prefix "0" is dropped
// when dialling from abroad (Italy keeps it; many have none).
struct CallingCode {
  std::string_view country;
  std::string_view code;
  bool drops_leading_zero;
};
constexpr std::array<CallingCode, 31> kCallingCodes = {{
    {"AT", "43", true},  {"BE", "32", true},  {"BG", "359", true}, {"CY", "357", false},
    {"CZ", "420", false}, {"DE", "49", true}, {"DK", "45", false}, {"EE", "372", false},
    {"ES", "34", false}, {"FI", "358", true}, {"FR", "33", true},  {"GR", "30", false},
    {"HR", "385", true}, {"HU", "36", true},  {"IE", "353", true}, {"IS", "354", false},
    {"IT", "39", false}, {"LI", "423", false}, {"LT", "370", true}, {"LU", "352", false},
    {"LV", "371", false}, {"MT", "356", false}, {"NL", "31", true}, {"NO", "47", false},
    {"PL", "48", false}, {"PT", "351", false}, {"RO", "40", true}, {"SE", "46", true},
    {"SI", "386", true}, {"SK", "421", true},  {"GB", "44", true},
}};

std::optional<Contact> Phone(std::string_view match, std::string_view country) {
  std::string digits;
  bool plus = false;
  std::string text(match);
  if (const size_t zero = text.find("(0)"); zero != std::string::npos) text.erase(zero, 3);
  for (char c : text) {
    if (c == '+' && digits.empty()) plus = true;
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  if (!plus && digits.size() > 2 && digits.compare(0, 2, "00") == 0) {
    plus = true;
    digits.erase(0, 2);
  }
  if (plus) {
    if (digits.size() < 8 || digits.size() > 15 || digits[0] == '0') return std::nullopt;
    return Contact{"phone", "+" + digits};
  }
  for (const CallingCode& code : kCallingCodes) {
    if (code.country != country) continue;
    if (country == "HU" && digits.compare(0, 2, "06") == 0) {
      digits.erase(0, 2);
    } else if (code.drops_leading_zero && !digits.empty() && digits[0] == '0') {
      digits.erase(0, 1);
    }
    std::string e164 = std::string(code.code) + digits;
    if (digits.size() < 6 || e164.size() < 8 || e164.size() > 15) return std::nullopt;
    return Contact{"phone", "+" + e164};
  }
  return std::nullopt;
}

std::optional<Contact> Email(const std::string& text) {
  const size_t at = text.find('@');
  if (at == std::string::npos || at == 0) return std::nullopt;
  size_t begin = at;
  while (begin > 0 && (IsWordChar(text[begin - 1]) || text[begin - 1] == '.' ||
                       text[begin - 1] == '-' || text[begin - 1] == '+')) {
    --begin;
  }
  size_t end = at + 1;
  while (end < text.size() && (IsWordChar(text[end]) || text[end] == '.' || text[end] == '-')) {
    ++end;
  }
  while (end > at + 1 && text[end - 1] == '.') --end;
  const std::string domain = text.substr(at + 1, end - at - 1);
  const size_t dot = domain.rfind('.');
  if (begin == at || dot == std::string::npos || dot == 0 || domain.size() - dot < 3) {
    return std::nullopt;
  }
  return Contact{"email", text.substr(begin, end - begin)};
}

// "t.me/name", "telegram.me/name", "wa.me/4912345678".
std::optional<Contact> MessengerLink(const std::string& text) {
  static constexpr std::pair<std::string_view, std::string_view> kLinks[] = {
      {"telegram.me/", "telegram"}, {"t.me/", "telegram"}, {"wa.me/", "whatsapp"}};
  for (const auto& [link, service] : kLinks) {
    size_t at = text.find(link);
    if (at == std::string::npos || (at > 0 && IsWordChar(text[at - 1]))) continue;
    at += link.size();
    size_t end = at;
    while (end < text.size() && IsWordChar(text[end])) ++end;
    if (end == at) continue;
    const std::string handle = text.substr(at, end - at);
    if (service == "whatsapp") return Phone("+" + handle, "");
    return Contact{"messenger", std::string(service) + ":" + handle};
  }
  return std::nullopt;
}

// "telegram: @shop_01", "snapchat shop.real", "insta (at) my.shop".
std::optional<Contact> Handle(const std::string& text) {
  static constexpr std::pair<std::string_view, std::string_view> kServices[] = {
      {"telegram", "telegram"}, {"tg", "telegram"},       {"snapchat", "snapchat"},
      {"snap", "snapchat"},     {"wechat", "wechat"},     {"weixin", "wechat"},
      {"skype", "skype"},       {"discord", "discord"},   {"threema", "threema"},
      {"kik", "kik"},           {"instagram", "instagram"}, {"insta", "instagram"},
      {"ig", "instagram"},      {"tiktok", "tiktok"},     {"viber", "viber"},
      {"signal", "signal"},     {"line", "line"},         {"wickr", "wickr"}};
  for (const auto& [name, service] : kServices) {
    const size_t at = text.find(name);
    if (at == std::string::npos || (at > 0 && IsWordChar(text[at - 1]))) continue;
    size_t i = at + name.size();
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])) &&
           i < at + name.size() + 4) {
      ++i;  // "telegrams", "instagrams"
    }
    // Everything between the name and the handle that is not part of a handle.
    while (i < text.size() && !std::isalnum(static_cast<unsigned char>(text[i]))) ++i;
    for (std::string_view filler : {"id", "username", "handle", "account", "at", "arroba"}) {
      if (text.compare(i, filler.size(), filler) == 0 && i + filler.size() < text.size() &&
          !IsWordChar(text[i + filler.size()])) {
        i += filler.size();
        while (i < text.size() && !std::isalnum(static_cast<unsigned char>(text[i]))) ++i;
      }
    }
    size_t end = i;
    while (end < text.size() &&
           (IsWordChar(text[end]) || text[end] == '.' || text[end] == '-')) {
      ++end;
    }
    while (end > i && (text[end - 1] == '.' || text[end - 1] == '-')) --end;
    if (end - i < 3 || !std::isalpha(static_cast<unsigned char>(text[i]))) continue;
    return Contact{"messenger", std::string(service) + ":" + text.substr(i, end - i)};
  }
  return std::nullopt;
}

// "www.shop-real.com/offer", "https://cheap-pills.eu".
std::optional<Contact> Domain(const std::string& text) {
  for (size_t start = 0; start < text.size(); ++start) {
    if (start > 0 && (IsWordChar(text[start - 1]) || text[start - 1] == '.' ||
                      text[start - 1] == '-')) {
      continue;
    }
    size_t end = start;
    size_t last_dot = std::string::npos;
    while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) ||
                                 text[end] == '-' || text[end] == '.')) {
      if (text[end] == '.') last_dot = end;
      ++end;
    }
    while (end > start && text[end - 1] == '.') --end;
    if (last_dot == std::string::npos || last_dot >= end || last_dot == start) continue;
    const std::string host = text.substr(start, end - start);
    const std::string tld = text.substr(last_dot + 1, end - last_dot - 1);
    bool letters = tld.size() >= 2;
    for (char c : tld) letters = letters && std::isalpha(static_cast<unsigned char>(c));
    if (!letters) continue;
    return Contact{"domain", host.compare(0, 4, "www.") == 0 ? host.substr(4) : host};
  }
  return std::nullopt;
}

}  // namespace

std::optional<Contact> ExtractContact(std::string_view match, std::string_view country) {
  const std::string text = Lower(match);
  if (auto email = Email(text)) return email;
  if (auto link = MessengerLink(text)) return link;
  if (auto handle = Handle(text)) return handle;
  if (auto domain = Domain(text)) return domain;
  size_t digits = 0;
  for (char c : text) digits += c >= '0' && c <= '9';
  if (digits >= 6) return Phone(text, country);
  return std::nullopt;
}

}  // namespace listscan

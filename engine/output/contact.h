// Contact identifiers in hidden-links matches (a phone number, an e-mail address, a messenger
// handle, an external domain), normalised so that two listings giving the same contact in
// different spellings give the same value: this is how sellers that share a contact are linked.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace listscan {

struct Contact {
  std::string_view kind;  // "phone", "email", "messenger" or "domain"
  std::string value;      // phone: E.164 ("+4915112345678"); email: lower case;
                          // messenger: "service:handle" ("telegram:shop_01"); domain: lower case,
                          // without "www."
};

// The contact in a hidden-links match, if it holds one. A national phone number ("0151 ...")
// becomes E.164 with `country` (ISO code of the listing's country); without one it is not a
// contact. Words alone ("WhatsApp me") are none.
std::optional<Contact> ExtractContact(std::string_view match, std::string_view country);

}  // namespace listscan

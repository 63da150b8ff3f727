// Contact identifiers in hidden-links matches.
#include <catch2/catch.hpp>

#include "output/contact.h"

namespace listscan {
namespace {

std::string Found(std::string_view match, std::string_view country = "") {
  std::optional<Contact> contact = ExtractContact(match, country);
  return contact ? std::string(contact->kind) + " " + contact->value : "none";
}

TEST_CASE("international phone numbers become E.164 in any spelling", "[output]") {
  CHECK(Found("+49 151 1234-5678") == "phone +4915112345678");
  CHECK(Found("0049 (0) 151 12345678") == "phone +4915112345678");
  CHECK(Found("wa.me/4915112345678") == "phone +4915112345678");
}

TEST_CASE("national numbers need the listing's country", "[output]") {
  CHECK(Found("0151 1234 5678", "DE") == "phone +4915112345678");
  CHECK(Found("06 12 34 56 78", "FR") == "phone +33612345678");
  CHECK(Found("06 30 123 4567", "HU") == "phone +36301234567");
  CHECK(Found("333 123 4567", "IT") == "phone +393331234567");
  CHECK(Found("0151 1234 5678") == "none");
}

TEST_CASE("e-mail addresses are lower-cased", "[output]") {
  CHECK(Found("Write to Shop.Real@Example.COM") == "email shop.real@example.com");
}

TEST_CASE("messenger links and handles name the service", "[output]") {
  CHECK(Found("T.me/RealShop_01") == "messenger telegram:realshop_01");
  CHECK(Found("telegram: @shop_real") == "messenger telegram:shop_real");
  CHECK(Found("Snapchat shop.real") == "messenger snapchat:shop.real");
  CHECK(Found("insta (at) my.shop") == "messenger instagram:my.shop");
}

TEST_CASE("external domains lose www and case", "[output]") {
  CHECK(Found("www.Cheap-Pills.eu/offer") == "domain cheap-pills.eu");
}

TEST_CASE("contact words alone are no contact", "[output]") {
  CHECK(Found("WhatsApp me") == "none");
  CHECK(Found("payment link") == "none");
}

}  // namespace
}  // namespace listscan

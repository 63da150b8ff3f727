// Pack.scanner() and the Scanner class: listings in (dicts or JSON), the CLI's hits out.
#include <pybind11/stl.h>

#include "absl/strings/str_cat.h"
#include "bindings.h"
#include "listscan/scanner.h"
#include "output/record_formats.h"
#include "parse/listing_parser.h"

namespace listscan::python {
namespace {

// One scanner with its own parser and buffers, like a worker thread of the CLI. Not to be used
// by two Python threads at once (the GIL is released while it scans).
class PythonScanner {
 public:
  PythonScanner(std::shared_ptr<PythonPack> pack, FieldSelection selection,
                std::vector<std::string> with_fields)
      : pack_(std::move(pack)), parser_(std::move(selection)), with_fields_(with_fields) {
    absl::StatusOr<std::unique_ptr<Scanner>> scanner = Scanner::Create(pack_->pack);
    if (!scanner.ok()) Raise(scanner.status());
    scanner_ = std::move(*scanner);
    source_.name = "<python>";
    source_.format = InputFormat::kJsonLines;
  }

  py::list Scan(const py::handle& listing) {
    py::list results = ScanMany(py::make_tuple(listing));
    return results[0];
  }

  // Every listing is parsed while the GIL is held (their bytes come from Python objects), then
  // all are scanned as one group with the GIL released.
  py::list ScanMany(const py::iterable& listings) {
    py::module_ json = py::module_::import("json");
    py::object dumps = json.attr("dumps");
    std::vector<std::string> texts;
    for (py::handle listing : listings) texts.push_back(ListingText(listing, dumps));
    if (parsed_.size() < texts.size()) parsed_.resize(texts.size());
    for (size_t i = 0; i < texts.size(); ++i) {
      absl::Status status = parser_.Parse(source_, {texts[i], i + 1}, &parsed_[i]);
      if (!status.ok()) throw py::value_error(absl::StrCat("listing ", i, ": ", status.message()));
    }
    std::string flagged;
    {
      py::gil_scoped_release unlocked;
      absl::Status status = scanner_->ScanMany(parsed_.data(), texts.size(), &hits_);
      if (status.ok()) {
        for (size_t i = 0; i < texts.size(); ++i) {
          if (hits_[i].empty()) continue;
          AppendFlaggedListing(&flagged, parsed_[i], source_.name, i + 1, hits_[i],
                               pack_->pack->rules(), with_fields_);
        }
      }
      if (!status.ok()) {
        py::gil_scoped_acquire locked;
        Raise(status);
      }
    }
    // The hits in the CLI's own JSON form, read back as Python objects: one writer for both.
    py::list results;
    py::object loads = json.attr("loads");
    size_t line_start = 0;
    for (size_t i = 0; i < texts.size(); ++i) {
      if (hits_[i].empty()) {
        results.append(py::list());
        continue;
      }
      const size_t line_end = flagged.find('\n', line_start);
      py::dict listing = loads(py::bytes(flagged.data() + line_start, line_end - line_start));
      line_start = line_end + 1;
      results.append(listing["hits"]);
    }
    return results;
  }

 private:
  static std::string ListingText(const py::handle& listing, const py::object& dumps) {
    if (py::isinstance<py::bytes>(listing)) return listing.cast<std::string>();
    if (py::isinstance<py::str>(listing)) return listing.cast<std::string>();
    if (py::isinstance<py::dict>(listing)) {
      return dumps(listing, py::arg("ensure_ascii") = false).cast<std::string>();
    }
    throw py::type_error("a listing is a dict, or a JSON object as bytes or str");
  }

  std::shared_ptr<PythonPack> pack_;
  ListingParser parser_;
  std::vector<std::string> with_fields_;
  std::unique_ptr<Scanner> scanner_;
  SourceInfo source_;
  std::vector<Listing> parsed_;
  std::vector<std::vector<Hit>> hits_;
};

}  // namespace

void RegisterScanner(py::module_& module) {
  py::class_<PythonScanner>(module, "Scanner",
                            "Scans listings with a pack; one per thread or worker")
      .def("scan", &PythonScanner::Scan, py::arg("listing"),
           "The hits of one listing (a dict, or a JSON object as bytes or str), as the CLI's "
           "JSON output writes them; [] when nothing flags it")
      .def("scan_many", &PythonScanner::ScanMany, py::arg("listings"),
           "The hits of each listing, scanned as one group (the fast path)");
  py::class_<PythonPack, std::shared_ptr<PythonPack>> pack = module.attr("Pack");
  pack.def(
      "scanner",
      [](std::shared_ptr<PythonPack> self, std::vector<std::string> fields, std::string id_field,
         std::vector<std::string> with_fields) {
        FieldSelection selection;
        selection.scan = std::move(fields);
        selection.id_field = std::move(id_field);
        selection = WithRuleMetadata(selection, self->pack->rules(), with_fields);
        return std::make_unique<PythonScanner>(std::move(self), std::move(selection),
                                               std::move(with_fields));
      },
      py::arg("fields") = std::vector<std::string>{}, py::arg("id_field") = "id",
      py::arg("with_fields") = std::vector<std::string>{},
      "A new Scanner. fields: globs of the fields to scan (default: every string value); "
      "id_field: the listing id's path; with_fields: paths copied into each flagged listing");
}

}  // namespace listscan::python

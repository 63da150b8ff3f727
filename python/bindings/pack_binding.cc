// listscan.compile() and the Pack class: a compiled rule pack, its statistics, and scanners.
#include <pybind11/stl.h>

#include "bindings.h"
#include "listscan/scanner.h"
#include "parse/listing_parser.h"

namespace listscan::python {
namespace {

std::shared_ptr<PythonPack> Compile(const cli::PackOptions& options) {
  absl::StatusOr<std::shared_ptr<const CompiledPack>> pack;
  {
    py::gil_scoped_release unlocked;
    pack = cli::LoadAndCompile(options);
  }
  if (!pack.ok()) Raise(pack.status(), /*rules=*/true);
  return std::make_shared<PythonPack>(PythonPack{*pack});
}

std::shared_ptr<PythonPack> CompileFromPython(std::vector<std::string> rules,
                                              std::string keywords, py::object cache_dir,
                                              bool fuzzy) {
  cli::PackOptions options;
  options.rule_paths = std::move(rules);
  options.keywords_file = std::move(keywords);
  if (cache_dir.is_none()) {
    options.no_cache = false;
  } else if (py::isinstance<py::bool_>(cache_dir) && !cache_dir.cast<bool>()) {
    options.no_cache = true;
  } else {
    options.cache_dir = cache_dir.cast<std::string>();
  }
  options.no_fuzzy = !fuzzy;
  return Compile(options);
}

py::dict Stats(const PythonPack& self) {
  const CompileStats& stats = self.pack->stats();
  py::dict result;
  result["rules"] = stats.rules;
  result["keyword_patterns"] = stats.literal_patterns;
  result["regex_patterns"] = stats.regex_patterns;
  result["fuzzy_keywords"] = stats.fuzzy_keywords;
  result["from_cache"] = stats.from_cache;
  result["compile_seconds"] = stats.compile_seconds;
  result["database_bytes"] = stats.database_bytes;
  result["scratch_bytes"] = stats.scratch_bytes;
  return result;
}

py::bytes ToBytes(const PythonPack& self) {
  absl::StatusOr<std::string> bytes;
  {
    py::gil_scoped_release unlocked;
    bytes = SerializePack(*self.pack);
  }
  if (!bytes.ok()) Raise(bytes.status());
  return py::bytes(*bytes);
}

// Bytes from another listscan build or CPU, or damaged bytes, are a ValueError.
std::shared_ptr<PythonPack> Load(const py::bytes& data) {
  std::string_view bytes = data;
  absl::StatusOr<std::shared_ptr<const CompiledPack>> pack;
  {
    py::gil_scoped_release unlocked;
    pack = DeserializePack(bytes);
  }
  if (!pack.ok()) throw py::value_error(std::string(pack.status().message()));
  return std::make_shared<PythonPack>(PythonPack{*pack});
}

}  // namespace

void RegisterPack(py::module_& module) {
  py::class_<PythonPack, std::shared_ptr<PythonPack>>(
      module, "Pack", "Compiled rule packs: immutable, shared by every scanner and thread")
      .def_property_readonly("stats", &Stats,
                             "What compiling cost and produced, as `listscan bench` reports it")
      .def_property_readonly(
          "rule_ids",
          [](const PythonPack& self) {
            std::vector<std::string> ids;
            for (const Rule& rule : self.pack->rules().rules) ids.push_back(rule.id);
            return ids;
          },
          "The ids of the pack's rules, in pack order")
      .def("to_bytes", &ToBytes,
           "The compiled pack as bytes (rules and Hyperscan databases), for listscan.load() in "
           "another process or machine running the same listscan build")
      .def(py::pickle(&ToBytes, &Load));
  module.def("load", &Load, py::arg("data"),
             "A Pack from Pack.to_bytes(); ValueError for bytes of another build or CPU");
  module.def("compile", &CompileFromPython, py::arg("rules"), py::arg("keywords") = "",
             py::arg("cache_dir") = py::none(), py::arg("fuzzy") = true,
             "Load and compile rule packs (YAML files or folders). cache_dir: None for the "
             "default cache, False for none, or a folder.");
}

}  // namespace listscan::python

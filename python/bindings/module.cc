// `listscan._native`: the pybind11 module over the engine. The Python package `listscan` wraps
// it; the binding stays thin and returns plain Python objects.
#include "bindings.h"

namespace listscan::python {
namespace {

PyObject* rule_error = nullptr;

}  // namespace

void RegisterErrors(py::module_& module) {
  static py::exception<std::runtime_error> error(module, "RuleError", PyExc_ValueError);
  rule_error = error.ptr();
}

void Raise(const absl::Status& status, bool rules) {
  const std::string message(status.message());
  PyObject* type = PyExc_ValueError;
  switch (status.code()) {
    case absl::StatusCode::kNotFound:
      type = PyExc_FileNotFoundError;
      break;
    case absl::StatusCode::kPermissionDenied:
    case absl::StatusCode::kDataLoss:
    case absl::StatusCode::kUnavailable:
      type = PyExc_OSError;
      break;
    case absl::StatusCode::kInvalidArgument:
      if (rules) type = rule_error;
      break;
    default:
      break;
  }
  PyErr_SetString(type, message.c_str());
  throw py::error_already_set();
}

}  // namespace listscan::python

PYBIND11_MODULE(_native, module) {
  module.doc() = "listscan engine: compile rule packs, scan listings and files";
  listscan::python::RegisterErrors(module);
  listscan::python::RegisterPack(module);
  listscan::python::RegisterScanner(module);
  listscan::python::RegisterScanJob(module);
}

// The pieces of the `listscan._native` extension module, each registered by its own file.
#pragma once

#include <pybind11/pybind11.h>

#include <memory>
#include <string>
#include <vector>

#include "listscan/compiled_pack.h"
#include "listscan/scan_job.h"
#include "pack_options.h"

namespace listscan::python {

namespace py = pybind11;

// A compiled pack as Python holds it; it pickles as SerializePack's bytes.
struct PythonPack {
  std::shared_ptr<const CompiledPack> pack;
};

void RegisterErrors(py::module_& module);
void RegisterPack(py::module_& module);
void RegisterScanner(py::module_& module);
void RegisterScanJob(py::module_& module);

// Raises the Python exception for a failed Status: OSError (FileNotFoundError) for a file that
// cannot be read or written; for invalid input, RuleError when `rules` (the message is
// "file:line: rule id: reason", as the CLI prints it), else ValueError.
[[noreturn]] void Raise(const absl::Status& status, bool rules = false);

// Reading options shared by scan_file and the Dask tasks, from Python keyword arguments:
// input_format, delimiter, encoding, fields, id_field, with_fields, max_record_bytes, threads.
ScanJobOptions JobOptionsFromKwargs(const py::dict& options);

}  // namespace listscan::python

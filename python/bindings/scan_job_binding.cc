// Whole scans from Python: files or parts of files to JSON Lines outputs (listscan.scan_file and
// the Dask tasks), cutting inputs into parts, and adding summaries up.
#include <pybind11/stl.h>

#include "absl/strings/str_cat.h"
#include "bindings.h"
#include "input/input_parts.h"
#include "output/summary_merge.h"

namespace listscan::python {
namespace {

template <typename T>
T Option(const py::dict& options, const char* key, T fallback) {
  if (!options.contains(key) || options[key].is_none()) return fallback;
  return options[key].cast<T>();
}

py::dict PartToPython(const InputPart& part) {
  py::dict result;
  result["path"] = part.path;
  result["ranged"] = part.ranged;
  result["begin"] = part.begin;
  result["end"] = part.end;
  result["first_line"] = part.first_line;
  result["format"] = part.format == InputFormat::kCsv         ? "csv"
                     : part.format == InputFormat::kJsonLines ? "jsonl"
                                                              : "auto";
  result["delimiter"] = std::string(1, part.delimiter);
  return result;
}

InputPart PartFromPython(const py::dict& part) {
  InputPart result;
  result.path = part["path"].cast<std::string>();
  result.ranged = part["ranged"].cast<bool>();
  result.begin = part["begin"].cast<uint64_t>();
  result.end = part["end"].cast<uint64_t>();
  result.first_line = part["first_line"].cast<uint64_t>();
  const std::string format = part["format"].cast<std::string>();
  result.format = format == "csv"     ? InputFormat::kCsv
                  : format == "jsonl" ? InputFormat::kJsonLines
                                      : InputFormat::kAuto;
  const std::string delimiter = part["delimiter"].cast<std::string>();
  result.delimiter = delimiter.empty() ? ',' : delimiter[0];
  return result;
}

// Scans `inputs` (or `parts` when given) to `output` and `rejects` (files written under a
// temporary name and renamed when the scan succeeds, or "/dev/fd/N"); returns the summary JSON.
std::string RunScanFromPython(const std::shared_ptr<PythonPack>& pack,
                              std::vector<std::string> inputs, const std::string& output,
                              const std::string& rejects, std::optional<py::list> parts,
                              std::vector<std::string> part_errors, const py::dict& options) {
  ScanJobOptions job = JobOptionsFromKwargs(options);
  job.inputs = std::move(inputs);
  if (parts) {
    job.parts = PartPlan{};
    for (py::handle part : *parts) {
      job.parts->parts.push_back(PartFromPython(part.cast<py::dict>()));
    }
    job.parts->errors = std::move(part_errors);
  } else if (job.inputs.empty()) {
    throw py::value_error("no inputs");
  }
  py::gil_scoped_release unlocked;
  absl::Status status;
  std::string summary_json;
  auto flagged = OutputFile::Open(output);
  if (!flagged.ok()) status = flagged.status();
  std::unique_ptr<OutputFile> rejected;
  if (status.ok() && !rejects.empty()) {
    auto opened = OutputFile::Open(rejects);
    if (opened.ok()) rejected = std::move(*opened);
    status = opened.status();
  }
  if (status.ok()) {
    absl::StatusOr<ScanSummary> summary = RunScan(pack->pack, job, flagged->get(), rejected.get());
    status = summary.status();
    if (rejected && status.ok()) status = rejected->Close();
    if (status.ok()) status = (*flagged)->Close();
    if (status.ok()) summary_json = SummaryJson(*summary, pack->pack->rules());
  }
  if (!status.ok()) {
    py::gil_scoped_acquire locked;
    Raise(status);
  }
  return summary_json;
}

py::tuple SplitInputsFromPython(std::vector<std::string> paths, uint64_t part_bytes,
                                const py::dict& options) {
  const ScanJobOptions job = JobOptionsFromKwargs(options);
  absl::StatusOr<PartPlan> plan;
  {
    py::gil_scoped_release unlocked;
    plan = SplitInputs(paths, job.input, part_bytes);
  }
  if (!plan.ok()) Raise(plan.status());
  py::list parts;
  for (const InputPart& part : plan->parts) parts.append(PartToPython(part));
  return py::make_tuple(parts, plan->errors);
}

std::string MergeSummariesFromPython(const std::vector<std::string>& summaries) {
  std::vector<SummaryText> parts;
  for (size_t i = 0; i < summaries.size(); ++i) {
    parts.push_back({absl::StrCat("summary ", i + 1), summaries[i]});
  }
  absl::StatusOr<std::string> merged = MergeSummaries(parts);
  if (!merged.ok()) Raise(merged.status());
  return *merged;
}

}  // namespace

ScanJobOptions JobOptionsFromKwargs(const py::dict& options) {
  ScanJobOptions job;
  const std::string format = Option<std::string>(options, "input_format", "auto");
  job.input.format = format == "jsonl" ? InputFormat::kJsonLines
                     : format == "csv" ? InputFormat::kCsv
                                       : InputFormat::kAuto;
  const std::string delimiter = Option<std::string>(options, "delimiter", ",");
  if (delimiter.size() != 1) throw py::value_error("delimiter must be one character");
  job.input.delimiter = delimiter[0];
  const std::string encoding = Option<std::string>(options, "encoding", "utf8");
  job.input.encoding = encoding == "cp1252"   ? TextEncoding::kCp1252
                       : encoding == "latin1" ? TextEncoding::kLatin1
                                              : TextEncoding::kUtf8;
  job.input.max_record_bytes =
      Option<size_t>(options, "max_record_bytes", job.input.max_record_bytes);
  job.fields.scan = Option<std::vector<std::string>>(options, "fields", {});
  job.fields.id_field = Option<std::string>(options, "id_field", "id");
  job.with_fields = Option<std::vector<std::string>>(options, "with_fields", {});
  job.threads = Option<unsigned>(options, "threads", 0);
  return job;
}

void RegisterScanJob(py::module_& module) {
  module.def("run_scan", &RunScanFromPython, py::arg("pack"), py::arg("inputs"),
             py::arg("output"), py::arg("rejects") = "", py::arg("parts") = py::none(),
             py::arg("part_errors") = std::vector<std::string>{},
             py::arg("options") = py::dict(),
             "Scan files (or parts of files) to a JSON Lines output; returns the summary JSON");
  module.def("split_inputs", &SplitInputsFromPython, py::arg("paths"), py::arg("part_bytes"),
             py::arg("options") = py::dict(),
             "Cut inputs into parts: (parts, errors); large plain JSON Lines and CSV files are "
             "cut on record starts about every part_bytes bytes");
  module.def("merge_summaries", &MergeSummariesFromPython, py::arg("summaries"),
             "Add summary JSON documents up into one (as `listscan merge-summaries`)");
}

}  // namespace listscan::python

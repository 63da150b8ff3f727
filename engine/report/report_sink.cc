// The two report sinks.
#include "report/report_sink.h"

namespace listscan::report {
namespace {

class StatementSink : public ReportSink {
 public:
  StatementSink(const RuleSet& rules, StatementOptions options, size_t batch, OutputFile* out)
      : writer_(rules, std::move(options)), batch_(batch), out_(out) {}

  absl::Status Add(const FlaggedListing& listing) override {
    if (batch_ == 0) {
      if (absl::Status status = writer_.Append(listing, &buffer_); !status.ok()) return status;
      buffer_.push_back('\n');
    } else {
      buffer_.append(in_batch_ == 0 ? "{\"statements\":[" : ",");
      if (absl::Status status = writer_.Append(listing, &buffer_); !status.ok()) return status;
      if (++in_batch_ == batch_) CloseBatch();
    }
    if (buffer_.size() < (1 << 20)) return absl::OkStatus();
    absl::Status written = out_->Write(buffer_);
    buffer_.clear();
    return written;
  }

  absl::Status Finish() override {
    if (in_batch_ > 0) CloseBatch();
    absl::Status written = out_->Write(buffer_);
    buffer_.clear();
    return written;
  }

 private:
  void CloseBatch() {
    buffer_.append("]}\n");
    in_batch_ = 0;
  }

  StatementWriter writer_;
  size_t batch_;
  size_t in_batch_ = 0;
  OutputFile* out_;
  std::string buffer_;
};

class FiguresSink : public ReportSink {
 public:
  FiguresSink(std::unique_ptr<ReportFigures> figures,
              std::function<std::string(const ReportFigures&)> render, OutputFile* out)
      : figures_(std::move(figures)), render_(std::move(render)), out_(out) {}

  absl::Status Add(const FlaggedListing& listing) override {
    figures_->Add(listing);
    return absl::OkStatus();
  }
  absl::Status Finish() override { return out_->Write(render_(*figures_)); }
  void SetTotals(ScanTotals totals) override { figures_->SetTotals(std::move(totals)); }

 private:
  std::unique_ptr<ReportFigures> figures_;
  std::function<std::string(const ReportFigures&)> render_;
  OutputFile* out_;
};

}  // namespace

std::unique_ptr<ReportSink> MakeStatementSink(const RuleSet& rules, StatementOptions options,
                                              size_t batch, OutputFile* out) {
  return std::make_unique<StatementSink>(rules, std::move(options), batch, out);
}

std::unique_ptr<ReportSink> MakeFiguresSink(std::unique_ptr<ReportFigures> figures,
                                            std::function<std::string(const ReportFigures&)> render,
                                            OutputFile* out) {
  return std::make_unique<FiguresSink>(std::move(figures), std::move(render), out);
}

}  // namespace listscan::report

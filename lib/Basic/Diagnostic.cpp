//===- Diagnostic.cpp - Ember's diagnostic engine -------------------------===//

#include "ember/Basic/Diagnostic.h"

#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <unistd.h>

using namespace ember;

namespace {
/// Standard error that reports colors as supported even when it is not a
/// terminal, for `--color=always`.
class AlwaysColoredStderr : public llvm::raw_fd_ostream {
public:
  AlwaysColoredStderr() : raw_fd_ostream(STDERR_FILENO, /*shouldClose=*/false) {
    enable_colors(true);
  }
  bool has_colors() const override { return true; }
};
} // namespace

static llvm::raw_ostream &selectStream(const DiagnosticOptions &options,
                                       std::unique_ptr<llvm::raw_ostream> &own) {
  if (options.output)
    return *options.output;
  if (options.color == DiagnosticOptions::Color::Always) {
    llvm::errs().flush();
    own = std::make_unique<AlwaysColoredStderr>();
    return *own;
  }
  return llvm::errs();
}

DiagnosticEngine::DiagnosticEngine(llvm::SourceMgr &sourceMgr,
                                   DiagnosticOptions options)
    : sourceMgr(sourceMgr), options(options),
      os(selectStream(options, colorStream)) {}

DiagnosticEngine::~DiagnosticEngine() { os.flush(); }

const char *DiagnosticEngine::getText(DiagID id) {
  switch (id) {
#define DIAG(ID, KIND, TEXT)                                                   \
  case DiagID::ID:                                                             \
    return TEXT;
#include "ember/Basic/DiagnosticKinds.def"
  }
  return "";
}

std::string
DiagnosticEngine::formatMessage(llvm::StringRef text,
                                llvm::ArrayRef<std::string> args) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    size_t close = text.find('}', i);
    unsigned index;
    if (text[i] != '{' || close == llvm::StringRef::npos ||
        text.slice(i + 1, close).getAsInteger(10, index) ||
        index >= args.size()) {
      out += text[i];
      continue;
    }
    const std::string &arg = args[index];
    bool quoted = !out.empty() && out.back() == '`' && close + 1 < text.size() &&
                  text[close + 1] == '`';
    if (quoted && llvm::StringRef(arg).contains('`')) {
      // `` x`y `` : a space keeps a backtick at either end apart.
      out += "` ";
      out += arg;
      out += " `";
    } else {
      out += arg;
    }
    i = close;
  }
  return out;
}

DiagKind DiagnosticEngine::getKind(DiagID id) {
  switch (id) {
#define DIAG(ID, KIND, TEXT)                                                   \
  case DiagID::ID:                                                             \
    return DiagKind::KIND;
#include "ember/Basic/DiagnosticKinds.def"
  }
  return DiagKind::Error;
}

void DiagnosticEngine::emit(llvm::SMRange range, DiagKind kind,
                            const std::string &message) {
  std::string text = message;
  if (kind == DiagKind::Warning && options.warningsAsErrors) {
    kind = DiagKind::Error;
    text += " [-Werror]";
  }
  if (kind == DiagKind::Note) {
    if (droppingNotes || limitReached)
      return;
  } else {
    droppingNotes = limitReached;
    if (limitReached)
      return;
  }
  if (kind == DiagKind::Error) {
    if (range.Start.isValid() && range.Start.getPointer() == lastErrorLoc) {
      droppingNotes = true;
      return;
    }
    lastErrorLoc = range.Start.getPointer();
    ++numErrors;
  }

  bool showColors = options.color != DiagnosticOptions::Color::Never;
  if (!range.Start.isValid()) {
    // Not about a place in the source: `emberc: error: message`.
    os << "emberc: ";
    llvm::raw_ostream::Colors color = kind == DiagKind::Error
                                          ? llvm::raw_ostream::RED
                                      : kind == DiagKind::Warning
                                          ? llvm::raw_ostream::MAGENTA
                                          : llvm::raw_ostream::BLACK;
    llvm::WithColor(os, color, /*Bold=*/true, /*BG=*/false,
                    showColors ? llvm::ColorMode::Auto
                               : llvm::ColorMode::Disable)
        << (kind == DiagKind::Error     ? "error: "
            : kind == DiagKind::Warning ? "warning: "
                                        : "note: ");
    os << text << "\n";
  } else {
    llvm::SourceMgr::DiagKind smKind = kind == DiagKind::Error
                                           ? llvm::SourceMgr::DK_Error
                                       : kind == DiagKind::Warning
                                           ? llvm::SourceMgr::DK_Warning
                                           : llvm::SourceMgr::DK_Note;
    llvm::SmallVector<llvm::SMRange, 1> ranges;
    if (range.End.isValid() && range.Start != range.End)
      ranges.push_back(range);
    sourceMgr.PrintMessage(os, range.Start, smKind, text, ranges, {},
                           showColors);
  }

  if (kind == DiagKind::Error && options.maxErrors &&
      numErrors >= options.maxErrors) {
    limitReached = true;
    os << "emberc: too many errors emitted, stopping now "
          "(--max-errors=N changes the limit)\n";
  }
}

llvm::StringRef
DiagnosticEngine::findClosest(llvm::StringRef name,
                              llvm::ArrayRef<llvm::StringRef> candidates) {
  // Allow about one typo per three characters.
  unsigned maxDistance = std::max<size_t>(1, (name.size() + 2) / 3);
  unsigned best = maxDistance + 1;
  llvm::StringRef closest;
  for (llvm::StringRef candidate : candidates) {
    if (candidate == name)
      continue;
    unsigned distance =
        name.edit_distance(candidate, /*AllowReplacements=*/true, maxDistance);
    if (distance < best) {
      best = distance;
      closest = candidate;
    }
  }
  return closest;
}

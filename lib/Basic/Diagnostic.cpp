//===- Diagnostic.cpp - Ember's diagnostic engine -------------------------===//

#include "ember/Basic/Diagnostic.h"

using namespace ember;

const char *DiagnosticEngine::getText(DiagID id) {
  switch (id) {
#define DIAG(ID, KIND, TEXT)                                                   \
  case DiagID::ID:                                                             \
    return TEXT;
#include "ember/Basic/DiagnosticKinds.def"
  }
  return "";
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

void DiagnosticEngine::emit(llvm::SMRange range, DiagID id,
                            const std::string &message) {
  DiagKind kind = getKind(id);
  llvm::SourceMgr::DiagKind smKind = llvm::SourceMgr::DK_Error;
  if (kind == DiagKind::Warning)
    smKind = llvm::SourceMgr::DK_Warning;
  else if (kind == DiagKind::Note)
    smKind = llvm::SourceMgr::DK_Note;

  if (kind == DiagKind::Error) {
    if (range.Start.getPointer() && range.Start.getPointer() == lastErrorLoc)
      return;
    lastErrorLoc = range.Start.getPointer();
    ++numErrors;
  }

  llvm::SmallVector<llvm::SMRange, 1> ranges;
  if (range.isValid() && range.Start != range.End)
    ranges.push_back(range);
  sourceMgr.PrintMessage(llvm::errs(), range.Start, smKind, message, ranges);
}

//===- CheckInitialization.cpp - Definite initialization of locals -------===//
//
// On the "must be initialized" analysis of Initialization.h: a load, a
// move, or passing the slot to a call needs the slot's bits. Where a read
// may see no value, the program is rejected.
//
//===----------------------------------------------------------------------===//

#include "ember/Dialect/Ember/Transforms/Passes.h"

#include "Initialization.h"

#include "ember/Basic/Diagnostic.h"

namespace ember {
#define GEN_PASS_DEF_CHECKINITIALIZATION
#include "ember/Dialect/Ember/Transforms/Passes.h.inc"
} // namespace ember

using namespace mlir;
using namespace ember;

namespace {

class InitializationChecker {
public:
  explicit InitializationChecker(func::FuncOp fn) : fn(fn), analysis(fn) {}

  bool run() {
    if (!analysis.hasSlots() || fn.getBody().empty())
      return true;
    analysis.solve();
    for (Block &block : fn.getBody()) {
      if (!analysis.isReachable(&block))
        continue;
      llvm::BitVector state = analysis.getEntryState(&block);
      for (Operation &op : block) {
        check(&op, state);
        analysis.apply(&op, state);
      }
    }
    return !failed;
  }

private:
  /// Reports the reads of `op` that may see no value.
  void check(Operation *op, llvm::BitVector &state) {
    auto need = [&](Value ref) {
      std::optional<SlotAccess> access = analysis.getAccess(ref);
      if (!access)
        return;
      auto [first, count] = analysis.getBits(*access);
      for (unsigned bit = first; bit < first + count; ++bit)
        if (!state.test(bit)) {
          report(op, *access, bit - first);
          // Report once; later reads see a value.
          state.set(first, first + count);
          return;
        }
    };
    if (auto load = dyn_cast<LoadOp>(op))
      return need(load.getRef());
    if (auto move = dyn_cast<MoveOp>(op)) {
      need(move.getRef());
      if (std::optional<SlotAccess> access = analysis.getAccess(move.getRef()))
        movedAt[access->slot].push_back(move.getLoc());
      return;
    }
    if (isa<func::CallOp>(op))
      for (Value operand : op->getOperands())
        if (isa<RefType>(operand.getType()))
          need(operand);
  }

  /// `offset` is the unset bit's position within the access.
  void report(Operation *op, const SlotAccess &access, unsigned offset) {
    failed = true;
    LocalOp slot = access.slot;
    std::string name = slot.getName().str();
    // Name the field that lacks a value, as `self.y`.
    unsigned field = access.field >= 0 ? access.field : offset;
    auto fields = slot->getAttrOfType<ArrayAttr>("ember.fields");
    if (analysis.getNumBits(slot) > 1 && fields && field < fields.size())
      if (auto fieldName = dyn_cast<StringAttr>(fields[field]))
        name += "." + fieldName.str();
    auto movesIt = movedAt.find(slot);
    bool moved = movesIt != movedAt.end() && !movesIt->second.empty();
    DiagID id = moved ? DiagID::err_use_after_move : DiagID::err_uninitialized;
    InFlightDiagnostic diag = op->emitError(ember::DiagnosticEngine::formatMessage(
        ember::DiagnosticEngine::getText(id), {name}));
    if (moved)
      diag.attachNote(movesIt->second.back())
          << ember::DiagnosticEngine::getText(DiagID::note_moved_here);
    else
      diag.attachNote(slot.getLoc()) << ember::DiagnosticEngine::formatMessage(
          ember::DiagnosticEngine::getText(DiagID::note_declared_uninitialized),
          {slot.getName().str()});
  }

  func::FuncOp fn;
  InitializationAnalysis analysis;
  llvm::DenseMap<LocalOp, SmallVector<Location>> movedAt;
  bool failed = false;
};

struct CheckInitialization
    : ember::impl::CheckInitializationBase<CheckInitialization> {
  void runOnOperation() override {
    if (!InitializationChecker(getOperation()).run())
      signalPassFailure();
  }
};

} // namespace

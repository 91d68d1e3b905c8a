//===- CheckInitialization.cpp - Definite initialization of locals -------===//
//
// A forward "must be initialized" dataflow analysis over the CFG of each
// function. Every `ember.local` slot has one bit, or one bit per top-level
// field for a struct slot (so that an `__init__` may set fields one by
// one). A store through the slot, or through a field of it, sets bits; a
// move clears them; a load, a move, or passing the slot to a call needs
// them. Where a read may see no value, the program is rejected.
//
//===----------------------------------------------------------------------===//

#include "ember/Dialect/Ember/Transforms/Passes.h"

#include "ember/Basic/Diagnostic.h"
#include "ember/Dialect/Ember/IR/EmberOps.h"

#include "mlir/IR/Dominance.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseSet.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "llvm/ADT/PostOrderIterator.h"

namespace ember {
#define GEN_PASS_DEF_CHECKINITIALIZATION
#include "ember/Dialect/Ember/Transforms/Passes.h.inc"
} // namespace ember

using namespace mlir;
using namespace ember;

namespace {

/// Where a slot's bits live in the state, and what it is called.
struct SlotInfo {
  unsigned offset, size;
  std::string name;
};

/// The bits a ref reaches: all of a slot's, or one field's.
struct Access {
  LocalOp slot;
  int field = -1; ///< -1 for the whole slot.
};

class InitializationChecker {
public:
  explicit InitializationChecker(func::FuncOp fn) : fn(fn) {}

  bool run() {
    collectSlots();
    if (slots.empty() || fn.getBody().empty())
      return true;
    solve();
    return report();
  }

private:
  void collectSlots() {
    unsigned offset = 0;
    fn.walk([&](LocalOp local) {
      Type element = local.getRef().getType().getElementType();
      auto structType = dyn_cast<StructValueType>(element);
      // A struct without fields holds nothing to initialize.
      unsigned size = structType ? structType.getFields().size() : 1;
      slots[local] = {offset, size, local.getName().str()};
      offset += size;
    });
    numBits = offset;
  }

  /// The slot (and field) `ref` points into, if it is a local's.
  std::optional<Access> getAccess(Value ref) {
    Access access;
    while (auto fieldRef = ref.getDefiningOp<FieldRefOp>()) {
      // Only the outermost field of the slot is tracked.
      access.field = fieldRef.getIndex();
      ref = fieldRef.getBase();
    }
    auto local = ref.getDefiningOp<LocalOp>();
    if (!local || !slots.count(local))
      return std::nullopt;
    access.slot = local;
    if (slots[local].size == 1)
      access.field = -1;
    return access;
  }

  /// The bits of `access` within the state.
  std::pair<unsigned, unsigned> getBits(const Access &access) {
    const SlotInfo &info = slots[access.slot];
    if (access.field < 0)
      return {info.offset, info.size};
    return {info.offset + access.field, 1};
  }

  /// Applies `op` to `state`; with `check`, reports reads of unset bits.
  void transfer(Operation *op, llvm::BitVector &state, bool check) {
    auto need = [&](Value ref) {
      std::optional<Access> access = getAccess(ref);
      if (!access)
        return;
      auto [first, count] = getBits(*access);
      for (unsigned bit = first; bit < first + count; ++bit)
        if (!state.test(bit)) {
          if (check)
            reportRead(op, *access, bit);
          // Report once; later reads see a value.
          state.set(first, first + count);
          return;
        }
    };
    if (auto store = dyn_cast<StoreOp>(op)) {
      if (std::optional<Access> access = getAccess(store.getRef())) {
        auto [first, count] = getBits(*access);
        state.set(first, first + count);
      }
      return;
    }
    if (auto load = dyn_cast<LoadOp>(op))
      return need(load.getRef());
    if (auto move = dyn_cast<MoveOp>(op)) {
      need(move.getRef());
      if (std::optional<Access> access = getAccess(move.getRef())) {
        auto [first, count] = getBits(*access);
        state.reset(first, first + count);
        movedAt[access->slot].push_back(move.getLoc());
      }
      return;
    }
    if (isa<func::CallOp>(op))
      for (Value operand : op->getOperands())
        if (isa<RefType>(operand.getType()))
          need(operand);
  }

  /// The successors control can reach from `block`: a branch on a
  /// constant (`while True`) goes one way only.
  static SmallVector<Block *, 2> getLiveSuccessors(Block *block) {
    if (auto branch = dyn_cast<cf::CondBranchOp>(block->getTerminator()))
      if (auto constant = branch.getCondition().getDefiningOp<ConstantOp>())
        if (auto value = dyn_cast<IntegerAttr>(constant.getValue()))
          return {value.getValue().isZero() ? branch.getFalseDest()
                                            : branch.getTrueDest()};
    return SmallVector<Block *, 2>(block->getSuccessors());
  }

  /// Iterates to the fixpoint: a block starts with the bits set on every
  /// path into it.
  void solve() {
    Region &body = fn.getBody();
    llvm::BitVector all(numBits, true);
    for (Block &block : body)
      entryState[&block] = all;
    entryState[&body.front()] = llvm::BitVector(numBits, false);
    reachable.insert(&body.front());
    llvm::ReversePostOrderTraversal<Region *> order(&body);
    bool changed = true;
    while (changed) {
      changed = false;
      for (Block *block : order) {
        if (!reachable.contains(block))
          continue;
        llvm::BitVector state = entryState[block];
        for (Operation &op : *block)
          transfer(&op, state, /*check=*/false);
        for (Block *succ : getLiveSuccessors(block)) {
          llvm::BitVector merged = entryState[succ];
          merged &= state;
          if (reachable.insert(succ).second || merged != entryState[succ]) {
            entryState[succ] = merged;
            changed = true;
          }
        }
      }
    }
  }

  bool report() {
    for (Block &block : fn.getBody()) {
      if (!reachable.contains(&block))
        continue;
      llvm::BitVector state = entryState[&block];
      for (Operation &op : block)
        transfer(&op, state, /*check=*/true);
    }
    return !failed;
  }

  void reportRead(Operation *op, const Access &access, unsigned bit) {
    failed = true;
    const SlotInfo &info = slots[access.slot];
    std::string name = info.name;
    // Name the field that lacks a value, as `self.y`.
    auto fields =
        LocalOp(access.slot)->getAttrOfType<ArrayAttr>("ember.fields");
    unsigned field = bit - info.offset;
    if (info.size > 1 && fields && field < fields.size())
      if (auto fieldName = dyn_cast<StringAttr>(fields[field]))
        name += "." + fieldName.str();
    auto movesIt = movedAt.find(access.slot);
    bool moved = movesIt != movedAt.end() && !movesIt->second.empty();
    ember::DiagID id = moved ? ember::DiagID::err_use_after_move : ember::DiagID::err_uninitialized;
    InFlightDiagnostic diag = op->emitError(
        ember::DiagnosticEngine::formatMessage(ember::DiagnosticEngine::getText(id), {name}));
    if (moved)
      diag.attachNote(movesIt->second.back())
          << ember::DiagnosticEngine::getText(ember::DiagID::note_moved_here);
    else
      diag.attachNote(LocalOp(access.slot).getLoc())
          << ember::DiagnosticEngine::formatMessage(
                 ember::DiagnosticEngine::getText(ember::DiagID::note_declared_uninitialized),
                 {info.name});
  }

  func::FuncOp fn;
  llvm::DenseMap<LocalOp, SlotInfo> slots;
  unsigned numBits = 0;
  llvm::DenseMap<Block *, llvm::BitVector> entryState;
  llvm::DenseSet<Block *> reachable;
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

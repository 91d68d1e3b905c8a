//===- InsertDestructors.cpp - Destroy each value after its last use ------===//
//
// Mojo destroys a value as soon as possible: right after its last use, not
// at the end of its scope. A slot that owns a value with a destructor says
// so (`destructor` on the `ember.local`, or `field_destructors` for a
// `deinit` argument, whose fields are owned one by one); each owned value
// is a unit. A backward liveness analysis over the CFG finds where each
// unit is used last, the initialization analysis whether it still holds a
// value there. A value loaded from a unit stands for a reference to it:
// the unit is in use until the op that consumes the loaded value (so
// `print(a.x)` uses `a` until the print, as in Mojo, where `a.x` is a
// reference passed to `print`). An `ember.destroy` goes:
//
// - right after the op that used (or stored) the unit last on a path, or
// - on a CFG edge along which it dies: at the start of the successor, or
//   in a block split into the edge when the successor has other
//   predecessors, where it may be dead already or hold nothing.
//
// Values moved out (`x^`) hold nothing afterwards and are not destroyed.
// A store that replaces a value the analysis cannot see die (a field of a
// variable, a `mut` argument) destroys the old value first.
//
//===----------------------------------------------------------------------===//

#include "ember/Dialect/Ember/Transforms/Passes.h"

#include "Initialization.h"

#include "ember/Basic/Diagnostic.h"

#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"

namespace ember {
#define GEN_PASS_DEF_INSERTDESTRUCTORS
#include "ember/Dialect/Ember/Transforms/Passes.h.inc"
} // namespace ember

using namespace mlir;
using namespace ember;

namespace {

/// A value that a slot owns: the whole slot's, or one field of a `deinit`
/// argument.
struct Unit {
  LocalOp slot;
  int field; ///< -1 for the whole slot.
  FlatSymbolRefAttr destructor;
};

class DestructorPlacer {
public:
  explicit DestructorPlacer(func::FuncOp fn) : fn(fn), init(fn) {}

  bool run() {
    if (fn.getBody().empty())
      return true;
    collectUnits();
    bool overwrites = false;
    fn.walk([&](StoreOp store) { overwrites |= bool(store.getDestructor()); });
    if (units.empty() && !overwrites)
      return true;
    init.solve();
    solveLiveness();
    SmallVector<Block *> blocks;
    for (Block &block : fn.getBody())
      if (init.isReachable(&block))
        blocks.push_back(&block);
    for (Block *block : blocks)
      placeInBlock(block);
    for (Block *block : blocks)
      placeOnEdges(block);
    return !failed;
  }

private:
  void collectUnits() {
    for (LocalOp slot : init.getSlots()) {
      if (FlatSymbolRefAttr destructor = slot.getDestructorAttr()) {
        unitsOf[slot].push_back(units.size());
        units.push_back({slot, -1, destructor});
        continue;
      }
      ArrayAttr fields = slot.getFieldDestructorsAttr();
      if (!fields)
        continue;
      for (auto [index, attr] : llvm::enumerate(fields))
        if (auto destructor = dyn_cast<FlatSymbolRefAttr>(attr)) {
          unitsOf[slot].push_back(units.size());
          units.push_back({slot, static_cast<int>(index), destructor});
        }
    }
  }

  /// The units `op` reads or changes (`used`) and those it gives a new
  /// value to as a whole (`stored`).
  void getEffects(Operation *op, llvm::BitVector &used,
                  llvm::BitVector &stored) {
    used.reset();
    stored.reset();
    if (isa<FieldRefOp>(op))
      return; // Its users are the uses.
    auto store = dyn_cast<StoreOp>(op);
    for (Value operand : op->getOperands()) {
      if (!isa<RefType>(operand.getType()))
        continue;
      std::optional<SlotAccess> access = init.getAccess(operand);
      if (!access)
        continue;
      auto it = unitsOf.find(access->slot);
      if (it == unitsOf.end())
        continue;
      for (unsigned u : it->second) {
        const Unit &unit = units[u];
        bool reached = access->field < 0 || unit.field < 0 ||
                       unit.field == access->field;
        if (!reached)
          continue;
        // Writing part of a unit changes it; writing all of it replaces it.
        bool whole = !access->derived &&
                     (unit.field == access->field || access->field < 0);
        if (store && operand == store.getRef() && whole)
          stored.set(u);
        else
          used.set(u);
      }
    }
  }

  /// The effects of each op of `block` on the units, with each load (and
  /// field of it) counted as a use where its value is consumed.
  struct BlockEffects {
    SmallVector<Operation *> ops;
    SmallVector<llvm::BitVector> used, stored;
  };

  const BlockEffects &getBlockEffects(Block *block) {
    auto [it, inserted] = effects.try_emplace(block);
    BlockEffects &result = it->second;
    if (!inserted)
      return result;
    unsigned n = units.size();
    llvm::DenseMap<Operation *, unsigned> position;
    for (Operation &op : *block) {
      position[&op] = result.ops.size();
      result.ops.push_back(&op);
    }
    result.used.assign(result.ops.size(), llvm::BitVector(n));
    result.stored.assign(result.ops.size(), llvm::BitVector(n));
    // Where the value each load reads is consumed last, from the end
    // backwards.
    SmallVector<unsigned> anchor(result.ops.size());
    llvm::BitVector used(n), stored(n);
    for (size_t i = result.ops.size(); i-- > 0;) {
      anchor[i] = i;
      if (isa<LoadOp, ExtractOp>(result.ops[i]))
        for (Operation *user : result.ops[i]->getUsers())
          if (auto it = position.find(user); it != position.end())
            anchor[i] = std::max(anchor[i], isa<ExtractOp>(user)
                                                ? anchor[it->second]
                                                : it->second);
      getEffects(result.ops[i], used, stored);
      result.used[anchor[i]] |= used;
      result.stored[i] |= stored;
    }
    return result;
  }

  /// Applies the effects of op `i` backwards to `live`.
  static void stepBack(const BlockEffects &block, size_t i,
                       llvm::BitVector &live) {
    live.reset(block.stored[i]);
    live |= block.used[i];
  }

  void solveLiveness() {
    unsigned n = units.size();
    for (Block &block : fn.getBody())
      liveIn[&block] = llvm::BitVector(n);
    bool changed = true;
    while (changed) {
      changed = false;
      for (Block &block : llvm::reverse(fn.getBody())) {
        const BlockEffects &effects = getBlockEffects(&block);
        llvm::BitVector live = getLiveOut(&block);
        for (size_t i = effects.ops.size(); i-- > 0;)
          stepBack(effects, i, live);
        if (live != liveIn[&block]) {
          liveIn[&block] = live;
          changed = true;
        }
      }
    }
  }

  llvm::BitVector getLiveOut(Block *block) {
    llvm::BitVector live(units.size());
    for (Block *succ : block->getSuccessors())
      live |= liveIn[succ];
    return live;
  }

  /// Whether every bit of `unit` is set in `state`; reports a unit that is
  /// only partly set.
  bool holdsValue(const Unit &unit, const llvm::BitVector &state,
                  Operation *at) {
    auto [first, count] = init.getBits({unit.slot, unit.field});
    unsigned set = 0;
    for (unsigned bit = first; bit < first + count; ++bit)
      set += state.test(bit);
    if (set == count)
      return true;
    if (set != 0)
      report(at, DiagID::err_partly_initialized_destroy, unit);
    return false;
  }

  void report(Operation *at, DiagID id, Unit unit) {
    failed = true;
    at->emitError(ember::DiagnosticEngine::formatMessage(
        ember::DiagnosticEngine::getText(id), {unit.slot.getName().str()}));
  }

  /// Destroys `unit` at the builder's insertion point.
  void createDestroy(OpBuilder &builder, Location loc, Unit unit) {
    Value ref = unit.slot.getRef();
    if (unit.field >= 0) {
      auto structType = cast<StructValueType>(
          cast<RefType>(ref.getType()).getElementType());
      Type field = structType.getFields()[unit.field];
      ref = FieldRefOp::create(builder, loc,
                               RefType::get(builder.getContext(), field), ref,
                               unit.field);
    }
    DestroyOp::create(builder, loc, ref, unit.destructor);
  }

  void placeInBlock(Block *block) {
    unsigned n = units.size();
    const BlockEffects &effects = getBlockEffects(block);
    ArrayRef<Operation *> ops = effects.ops;
    // The units live after each op, from the end of the block backwards.
    SmallVector<llvm::BitVector> liveAfter(ops.size());
    llvm::BitVector live = getLiveOut(block);
    for (size_t i = ops.size(); i-- > 0;) {
      liveAfter[i] = live;
      stepBack(effects, i, live);
    }
    llvm::BitVector state = init.getEntryState(block);
    usedByExit[block] = llvm::BitVector(n);
    OpBuilder builder(fn.getContext());
    for (size_t i = 0; i < ops.size(); ++i) {
      Operation *op = ops[i];
      if (auto store = dyn_cast<StoreOp>(op))
        destroyOverwritten(store, state);
      init.apply(op, state);
      builder.setInsertionPointAfter(op);
      for (unsigned u = 0; u < n; ++u) {
        bool touched = effects.used[i].test(u) || effects.stored[i].test(u);
        if (!touched || liveAfter[i].test(u))
          continue;
        // Used by the branch itself (a value it passes on): it dies on
        // the way out. A `return` has no way out but itself: what it
        // returns was read already, so the unit dies just before it.
        bool isExit = op->hasTrait<OpTrait::IsTerminator>();
        if (isExit && op->getNumSuccessors() > 0) {
          usedByExit[block].set(u);
          continue;
        }
        if (!holdsValue(units[u], state, op))
          continue;
        if (isExit)
          builder.setInsertionPoint(op);
        createDestroy(builder, op->getLoc(), units[u]);
        auto [first, count] = init.getBits({units[u].slot, units[u].field});
        state.reset(first, first + count);
      }
    }
    exitState[block] = state;
  }

  /// Before `store` replaces a value with a destructor that liveness does
  /// not end, destroys it.
  void destroyOverwritten(StoreOp store, const llvm::BitVector &state) {
    FlatSymbolRefAttr destructor = store.getDestructorAttr();
    if (!destructor)
      return;
    OpBuilder builder(store);
    std::optional<SlotAccess> access = init.getAccess(store.getRef());
    if (!access) {
      // A `mut` argument, or a field of one: it holds a value.
      DestroyOp::create(builder, store.getLoc(), store.getRef(), destructor);
      return;
    }
    llvm::BitVector used(units.size()), stored(units.size());
    getEffects(store, used, stored);
    if (stored.any())
      return; // The unit died before, after its last use.
    auto [first, count] = init.getBits(*access);
    bool holds = true;
    for (unsigned bit = first; bit < first + count; ++bit)
      holds &= state.test(bit);
    if (holds)
      DestroyOp::create(builder, store.getLoc(), store.getRef(), destructor);
  }

  /// Destroys the units that die on the edges into `block`.
  void placeOnEdges(Block *block) {
    for (Block *pred : llvm::to_vector(block->getPredecessors())) {
      if (!init.isReachable(pred))
        continue;
      llvm::BitVector dying = getLiveOut(pred);
      dying |= usedByExit[pred];
      dying.reset(liveIn[block]);
      if (dying.none())
        continue;
      const llvm::BitVector &state = exitState[pred];
      SmallVector<unsigned> toDestroy;
      for (unsigned u : dying.set_bits())
        if (holdsValue(units[u], state, pred->getTerminator()))
          toDestroy.push_back(u);
      if (toDestroy.empty())
        continue;
      Block *at = block->getSinglePredecessor() ? block : splitEdge(pred, block);
      OpBuilder builder = OpBuilder::atBlockBegin(at);
      for (unsigned u : toDestroy)
        createDestroy(builder, pred->getTerminator()->getLoc(), units[u]);
    }
  }

  /// A new block on the edge `pred -> succ`, passing the edge's arguments
  /// on.
  Block *splitEdge(Block *pred, Block *succ) {
    Operation *terminator = pred->getTerminator();
    Location loc = terminator->getLoc();
    auto *split = new Block();
    split->insertBefore(succ);
    for (BlockArgument arg : succ->getArguments())
      split->addArgument(arg.getType(), arg.getLoc());
    for (unsigned i = 0; i < terminator->getNumSuccessors(); ++i)
      if (terminator->getSuccessor(i) == succ)
        terminator->setSuccessor(split, i);
    OpBuilder builder = OpBuilder::atBlockEnd(split);
    cf::BranchOp::create(builder, loc, succ, split->getArguments());
    return split;
  }

  func::FuncOp fn;
  InitializationAnalysis init;
  std::vector<Unit> units;
  llvm::DenseMap<LocalOp, SmallVector<unsigned>> unitsOf;
  llvm::DenseMap<Block *, llvm::BitVector> liveIn, exitState, usedByExit;
  llvm::DenseMap<Block *, BlockEffects> effects;
  bool failed = false;
};

struct InsertDestructors
    : ember::impl::InsertDestructorsBase<InsertDestructors> {
  void runOnOperation() override {
    if (!DestructorPlacer(getOperation()).run())
      signalPassFailure();
  }
};

} // namespace

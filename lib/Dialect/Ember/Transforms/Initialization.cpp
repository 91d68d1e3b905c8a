//===- Initialization.cpp - Which locals hold a value, where --------------===//

#include "Initialization.h"

#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/IR/RegionGraphTraits.h"
#include "llvm/ADT/PostOrderIterator.h"

using namespace mlir;
using namespace ember;

InitializationAnalysis::InitializationAnalysis(func::FuncOp fn) : fn(fn) {
  fn.walk([&](LocalOp local) { order.push_back(local); });
  // IRGen puts each new slot first in the entry block.
  std::reverse(order.begin(), order.end());
  for (LocalOp local : order) {
    Type element = local.getRef().getType().getElementType();
    auto structType = dyn_cast<StructValueType>(element);
    // A struct without fields holds nothing to initialize.
    unsigned size = structType ? structType.getFields().size() : 1;
    slots[local] = {numBits, size};
    numBits += size;
  }
}

std::optional<SlotAccess> InitializationAnalysis::getAccess(Value ref) const {
  SlotAccess access;
  while (true) {
    if (auto fieldRef = ref.getDefiningOp<FieldRefOp>()) {
      // Only the outermost field of the slot is tracked.
      access.field = fieldRef.getIndex();
      ref = fieldRef.getBase();
    } else if (auto derived = ref.getDefiningOp<DerivedRefOp>()) {
      access.derived = true;
      access.field = -1;
      ref = derived.getOrigin();
    } else {
      break;
    }
  }
  auto local = ref.getDefiningOp<LocalOp>();
  auto it = local ? slots.find(local) : slots.end();
  if (it == slots.end() || it->second.size == 0)
    return std::nullopt;
  access.slot = local;
  if (it->second.size == 1)
    access.field = -1;
  return access;
}

std::pair<unsigned, unsigned>
InitializationAnalysis::getBits(const SlotAccess &access) const {
  SlotBits bits = slots.lookup(access.slot);
  if (access.field < 0)
    return {bits.offset, bits.size};
  return {bits.offset + access.field, 1};
}

void InitializationAnalysis::apply(Operation *op,
                                   llvm::BitVector &state) const {
  auto set = [&](Value ref, bool value) {
    std::optional<SlotAccess> access = getAccess(ref);
    if (access && !access->derived) {
      auto [first, count] = getBits(*access);
      if (value)
        state.set(first, first + count);
      else
        state.reset(first, first + count);
    }
  };
  if (auto store = dyn_cast<StoreOp>(op))
    set(store.getRef(), true);
  else if (auto move = dyn_cast<MoveOp>(op))
    set(move.getRef(), false);
  else if (auto destroy = dyn_cast<DestroyOp>(op))
    set(destroy.getRef(), false);
}

SmallVector<Block *, 2>
InitializationAnalysis::getLiveSuccessors(Block *block) {
  if (auto branch = dyn_cast<cf::CondBranchOp>(block->getTerminator()))
    if (auto constant = branch.getCondition().getDefiningOp<ConstantOp>())
      if (auto value = dyn_cast<IntegerAttr>(constant.getValue()))
        return {value.getValue().isZero() ? branch.getFalseDest()
                                          : branch.getTrueDest()};
  return SmallVector<Block *, 2>(block->getSuccessors());
}

void InitializationAnalysis::solve() {
  Region &body = fn.getBody();
  if (body.empty())
    return;
  llvm::BitVector all(numBits, true);
  for (Block &block : body)
    entryState[&block] = all;
  entryState[&body.front()] = llvm::BitVector(numBits, false);
  reachable.insert(&body.front());
  llvm::ReversePostOrderTraversal<Region *> rpo(&body);
  bool changed = true;
  while (changed) {
    changed = false;
    for (Block *block : rpo) {
      if (!reachable.contains(block))
        continue;
      llvm::BitVector state = entryState[block];
      for (Operation &op : *block)
        apply(&op, state);
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

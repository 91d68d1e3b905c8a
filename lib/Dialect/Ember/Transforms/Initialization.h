//===- Initialization.h - Which locals hold a value, where ------*- C++ -*-===//
//
// A forward "must be initialized" dataflow analysis over the CFG of one
// function. Every `ember.local` slot has one bit, or one bit per top-level
// field for a struct slot (so that an `__init__` may set fields one by
// one). A store through the slot, or through a field of it, sets bits; a
// move or a destroy clears them.
//
//===----------------------------------------------------------------------===//

#ifndef EMBER_LIB_DIALECT_EMBER_TRANSFORMS_INITIALIZATION_H
#define EMBER_LIB_DIALECT_EMBER_TRANSFORMS_INITIALIZATION_H

#include "ember/Dialect/Ember/IR/EmberOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <optional>

namespace ember {

/// The bits a ref reaches: all of a slot's, or one field's; or somewhere
/// inside the value they hold (`derived`, a reference a callee returned),
/// which a store writes into rather than replaces.
struct SlotAccess {
  LocalOp slot;
  int field = -1; ///< -1 for the whole slot.
  bool derived = false;
};

class InitializationAnalysis {
public:
  explicit InitializationAnalysis(mlir::func::FuncOp fn);

  /// Iterates to the fixpoint: a block starts with the bits set on every
  /// path into it.
  void solve();

  /// The slot (and field) `ref` points into, if it is a local's.
  std::optional<SlotAccess> getAccess(mlir::Value ref) const;
  /// The first bit and the number of bits of `access` within a state.
  std::pair<unsigned, unsigned> getBits(const SlotAccess &access) const;
  /// Applies the effect of `op` on which bits are set.
  void apply(mlir::Operation *op, llvm::BitVector &state) const;

  /// The successors control can reach from `block`: a branch on a
  /// constant (`while True`) goes one way only.
  static llvm::SmallVector<mlir::Block *, 2>
  getLiveSuccessors(mlir::Block *block);

  bool hasSlots() const { return numBits != 0; }
  bool isReachable(mlir::Block *block) const {
    return reachable.contains(block);
  }
  const llvm::BitVector &getEntryState(mlir::Block *block) const {
    return entryState.find(block)->second;
  }
  /// The slots of the function, in the order they are declared.
  llvm::ArrayRef<LocalOp> getSlots() const { return order; }
  unsigned getNumBits(LocalOp slot) const { return slots.lookup(slot).size; }

private:
  struct SlotBits {
    unsigned offset = 0, size = 0;
  };
  mlir::func::FuncOp fn;
  llvm::DenseMap<LocalOp, SlotBits> slots;
  llvm::SmallVector<LocalOp> order;
  unsigned numBits = 0;
  llvm::DenseMap<mlir::Block *, llvm::BitVector> entryState;
  llvm::DenseSet<mlir::Block *> reachable;
};

} // namespace ember

#endif

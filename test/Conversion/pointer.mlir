// RUN: %ember-opt %s --convert-ember-to-standard | FileCheck %s

// Heap memory comes from the runtime, sized by a GEP from null; an element
// and an offset are GEPs over the element type.
// CHECK-LABEL: func.func @memory(
// CHECK-SAME:      %[[N:.*]]: i64, %[[I:.*]]: i64) -> (i64, i1)
// CHECK:         %[[NULL:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK:         %[[END:.*]] = llvm.getelementptr %[[NULL]][%[[N]]] : (!llvm.ptr, i64) -> !llvm.ptr, i64
// CHECK:         %[[BYTES:.*]] = llvm.ptrtoint %[[END]] : !llvm.ptr to i64
// CHECK:         %[[P:.*]] = call @ember_rt_alloc(%[[BYTES]]) : (i64) -> !llvm.ptr
// CHECK:         %[[Q:.*]] = llvm.getelementptr %[[P]][%[[I]]] : (!llvm.ptr, i64) -> !llvm.ptr, i64
// CHECK:         %[[E:.*]] = llvm.getelementptr %[[Q]][%[[I]]] : (!llvm.ptr, i64) -> !llvm.ptr, i64
// CHECK:         %[[V:.*]] = llvm.load %[[E]] : !llvm.ptr -> i64
// CHECK:         %[[SAME:.*]] = llvm.icmp "eq" %[[P]], %[[Q]] : !llvm.ptr
// CHECK:         "llvm.intr.memcpy"(%[[Q]], %[[P]], %{{.*}}) <{isVolatile = false}>
// CHECK:         call @ember_rt_free(%[[P]]) : (!llvm.ptr) -> ()
// CHECK:         return %[[V]], %[[SAME]] : i64, i1
func.func @memory(%n: si64, %i: si64) -> (si64, i1) {
  %p = ember.alloc %n : !ember.ptr<si64>
  %q = ember.ptr_offset %p, %i : !ember.ptr<si64>
  %e = ember.ptr_element %q[%i] : !ember.ptr<si64>
  %v = ember.load %e : <si64>
  %same = ember.cmp eq %p, %q : !ember.ptr<si64>
  ember.copy_memory %q, %p, %n : !ember.ptr<si64>, !ember.ptr<si64>
  ember.free %p : !ember.ptr<si64>
  return %v, %same : si64, i1
}

// Memory aligned beyond the element's needs comes from the aligned
// allocator; an address as an integer is a ptrtoint.
// CHECK-LABEL: func.func @aligned(
// CHECK:         %[[ALIGN:.*]] = llvm.mlir.constant(64 : i64) : i64
// CHECK:         %[[P:.*]] = call @ember_rt_alloc_aligned(%{{.*}}, %[[ALIGN]]) : (i64, i64) -> !llvm.ptr
// CHECK:         %[[A:.*]] = llvm.ptrtoint %[[P]] : !llvm.ptr to i64
// CHECK:         return %[[A]] : i64
func.func @aligned(%n: si64) -> si64 {
  %p = ember.alloc %n {alignment = 64 : i64} : !ember.ptr<f64>
  %a = ember.ptr_to_int %p : !ember.ptr<f64>
  return %a : si64
}

// A string literal's bytes and length are the halves of its value; a view
// is built from them.
// CHECK-LABEL: func.func @strings(
// CHECK-SAME:      %[[S:.*]]: !llvm.struct<(ptr, i64)>)
// CHECK:         %[[D:.*]] = llvm.extractvalue %[[S]][0]
// CHECK:         %[[L:.*]] = llvm.extractvalue %[[S]][1]
// CHECK:         llvm.insertvalue %[[D]], %{{.*}}[0]
// CHECK:         llvm.insertvalue %[[L]], %{{.*}}[1]
func.func @strings(%s: !ember.str) -> !ember.str {
  %d = ember.str_data %s : !ember.ptr<ui8>
  %l = ember.str_length %s
  %v = ember.make_str %d, %l : !ember.ptr<ui8>
  return %v : !ember.str
}

/**
 * Indexed binary min-heap over node ids 0..n-1, for Dijkstra in the assignment solver.
 *
 * Keys live in a caller-owned Float64Array (the distance array), so decreasing a key is
 * "write the new distance, then call decreaseKey(node)". Ties are broken by node id, which
 * makes the pop order a pure function of the keys. All storage is preallocated; no method
 * allocates.
 */
export class IndexedMinHeap {
  private readonly keys: Float64Array;
  private readonly heap: Int32Array;
  /** Position of each node in `heap`, or -1 when the node is not in the heap. */
  private readonly pos: Int32Array;
  private count = 0;

  constructor(keys: Float64Array) {
    this.keys = keys;
    this.heap = new Int32Array(keys.length);
    this.pos = new Int32Array(keys.length).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  contains(node: number): boolean {
    return this.pos[node]! >= 0;
  }

  /** Inserts a node that is not in the heap; its key must already be written to `keys`. */
  push(node: number): void {
    const at = this.count++;
    this.heap[at] = node;
    this.pos[node] = at;
    this.siftUp(at);
  }

  /** Restores heap order after the node's key was lowered in `keys`. */
  decreaseKey(node: number): void {
    this.siftUp(this.pos[node]!);
  }

  /** Removes and returns the node with the smallest key (ties: smallest id). Heap must not be empty. */
  pop(): number {
    const heap = this.heap;
    const top = heap[0]!;
    this.pos[top] = -1;
    const last = heap[--this.count]!;
    if (this.count > 0) {
      heap[0] = last;
      this.pos[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  /** Empties the heap in O(size). */
  clear(): void {
    for (let i = 0; i < this.count; i++) this.pos[this.heap[i]!] = -1;
    this.count = 0;
  }

  private less(a: number, b: number): boolean {
    const ka = this.keys[a]!;
    const kb = this.keys[b]!;
    return ka < kb || (ka === kb && a < b);
  }

  private siftUp(start: number): void {
    const heap = this.heap;
    const pos = this.pos;
    const node = heap[start]!;
    let at = start;
    while (at > 0) {
      const parentAt = (at - 1) >> 1;
      const parent = heap[parentAt]!;
      if (!this.less(node, parent)) break;
      heap[at] = parent;
      pos[parent] = at;
      at = parentAt;
    }
    heap[at] = node;
    pos[node] = at;
  }

  private siftDown(start: number): void {
    const heap = this.heap;
    const pos = this.pos;
    const n = this.count;
    const node = heap[start]!;
    let at = start;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && this.less(heap[right]!, heap[child]!)) child = right;
      const childNode = heap[child]!;
      if (!this.less(childNode, node)) break;
      heap[at] = childNode;
      pos[childNode] = at;
      at = child;
    }
    heap[at] = node;
    pos[node] = at;
  }
}

# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""The band search of ``search.py`` compiled: the same cells, beads, pruning and sums.

``band_search`` is ``search.search_python`` line for line in C: every cost is the same IEEE
double operations in the same order (no fused multiply-add: setup.py compiles with
-ffp-contract=off), the key weights of an intersection are summed exactly as 64-bit integers
(as Python sums its ints) before the one multiplication by the bonus, and the key sets are
sorted arrays of integer ids (one id per key, remembered per frozenset) whose merges give the
same unions and intersections as the frozensets. The search module falls back to the Python search
whenever this returns None (a shared key missing from the weights, which the Python search
reports as a KeyError, or inputs of an unexpected shape), so the result is always the Python
search's.
"""

from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_FromStringAndSize
from cpython.bytearray cimport PyByteArray_AS_STRING, PyByteArray_FromStringAndSize
from cpython.float cimport PyFloat_FromDouble
from cpython.list cimport PyList_New, PyList_SET_ITEM
from cpython.ref cimport Py_INCREF
from libc.stdint cimport int64_t, uint8_t
from libc.stdlib cimport free, malloc
from libc.string cimport memcpy

# what setup.py compiled, checked by search.py against the source beside it
cdef extern from *:
    """
    #ifndef BANDSEARCH_SOURCE_SHA256
    #define BANDSEARCH_SOURCE_SHA256 ""
    #endif
    """
    const char *BANDSEARCH_SOURCE_SHA256

SOURCE_SHA256 = BANDSEARCH_SOURCE_SHA256.decode()

cdef double INF = float("inf")
# a key the weights do not hold: it counts 0 in a bound (weights.get(key, 0)) and ends the
# search where two sides share it (weights[key] raises in the Python search)
cdef int64_t MISSING = -1
# a key's weight fits 40 bits: sums of thousands stay exact in 64
WEIGHT_CAP = 1 << 40


cdef struct Sets:
    # set k is ids[start[k]:start[k + 1]]: sorted, distinct
    int *start
    int *ids
    int count
    int size
    int cap


cdef int sets_init(Sets *s, Py_ssize_t count, Py_ssize_t cap) except -1:
    s.start = <int *>malloc((count + 1) * sizeof(int))
    s.ids = <int *>malloc((cap + 1) * sizeof(int))
    if s.start == NULL or s.ids == NULL:
        raise MemoryError()
    s.start[0] = 0
    s.count = 0
    s.size = 0
    s.cap = <int>cap
    return 0


cdef inline int *sets_end(Sets *s):
    return s.ids + s.size


cdef inline void sets_close(Sets *s, int size):
    s.size += size
    s.count += 1
    s.start[s.count] = s.size


cdef inline int *sets_at(Sets *s, Py_ssize_t k, int *length):
    length[0] = s.start[k + 1] - s.start[k]
    return s.ids + s.start[k]


cdef inline int merge_union(int *a, int na, int *b, int nb, int *out):
    cdef int x = 0, y = 0, k = 0
    while x < na and y < nb:
        if a[x] < b[y]:
            out[k] = a[x]
            x += 1
        elif b[y] < a[x]:
            out[k] = b[y]
            y += 1
        else:
            out[k] = a[x]
            x += 1
            y += 1
        k += 1
    while x < na:
        out[k] = a[x]
        x += 1
        k += 1
    while y < nb:
        out[k] = b[y]
        y += 1
        k += 1
    return k


cdef inline int merge_common(int *a, int na, int *b, int nb, int *out):
    cdef int x = 0, y = 0, k = 0
    while x < na and y < nb:
        if a[x] < b[y]:
            x += 1
        elif b[y] < a[x]:
            y += 1
        else:
            out[k] = a[x]
            x += 1
            y += 1
            k += 1
    return k


cdef inline int shared(int *a, int na, int *b, int nb, int64_t *weight, int64_t *total):
    """How many ids a and b share, their weights' sum in total; -1 if one has no weight."""
    cdef int x = 0, y = 0, k = 0
    cdef int64_t s = 0, w
    while x < na and y < nb:
        if a[x] < b[y]:
            x += 1
        elif b[y] < a[x]:
            y += 1
        else:
            w = weight[a[x]]
            if w == MISSING:
                return -1
            s += w
            x += 1
            y += 1
            k += 1
    total[0] = s
    return k


cdef inline double held(int *a, int na, int64_t *weight, double bonus):
    """sum(map(weights.get, keys, zeros)) * bonus if keys else 0.0"""
    cdef int64_t s = 0
    cdef int x
    if na == 0:
        return 0.0
    for x in range(na):
        if weight[a[x]] != MISSING:
            s += weight[a[x]]
    return <double>s * bonus


# Every key gets one id for the life of the process, and every key set its sorted ids once:
# the forward and backward searches of a stretch, its widenings and its band cut all read the
# same sets. Forgotten (all at once) between searches once large: the cache holds the sets.
cdef dict _IDS = {}
cdef list _KEYS = []
cdef dict _SORTED = {}
cdef Py_ssize_t CACHED_SETS = 60_000, CACHED_KEYS = 500_000  # some 100 MB at most
cdef int64_t UNSET = -2


def forget():
    """Forget every key's id and every set's ids (the cache below)."""
    _SORTED.clear()
    _IDS.clear()
    del _KEYS[:]


cdef void trim_cache():
    if len(_SORTED) > CACHED_SETS or len(_KEYS) > CACHED_KEYS:
        forget()


cdef bytes sorted_ids(object keys):
    """``keys`` as their ids, sorted (int32s in a bytes), remembered per frozenset."""
    cdef bytes found
    cdef Py_ssize_t size = len(keys)
    cdef int k = 0, y, v
    cdef int *out
    if type(keys) is frozenset:
        found = _SORTED.get(keys)
        if found is not None:
            return found
    out = <int *>malloc((size + 1) * sizeof(int))
    if out == NULL:
        raise MemoryError()
    try:
        for key in keys:
            got = _IDS.get(key)
            if got is None:
                got = len(_KEYS)
                _IDS[key] = got
                _KEYS.append(key)
            v = got
            y = k  # insertion sort: a paragraph holds a handful of keys
            while y > 0 and out[y - 1] > v:
                out[y] = out[y - 1]
                y -= 1
            out[y] = v
            k += 1
        found = PyBytes_FromStringAndSize(<char *>out, k * sizeof(int))
    finally:
        free(out)
    if type(keys) is frozenset:
        _SORTED[keys] = found
    return found


cdef int add_set(Sets *s, bytes ids) except -1:
    """Append a set given as ``sorted_ids``; 1 when it does not fit."""
    cdef Py_ssize_t size = len(ids) // sizeof(int)
    if s.size + size > s.cap:
        return 1
    memcpy(s.ids + s.size, PyBytes_AS_STRING(ids), size * sizeof(int))
    sets_close(s, <int>size)
    return 0


cdef int weigh(Sets *s, int64_t *weight, dict table) except -1:
    """Fill weight[id] for the ids of ``s`` not yet weighed: the key's weight, MISSING
    when the table has none; 1 when a weight is no integer (its sums would depend on
    the order of a set: the Python search's then)."""
    cdef Py_ssize_t x
    cdef int v
    for x in range(s.size):
        v = s.ids[x]
        if weight[v] == UNSET:
            w = table.get(_KEYS[v])
            if w is None:
                weight[v] = MISSING
            elif type(w) is not int or not 0 <= w < WEIGHT_CAP:
                return 1
            else:
                weight[v] = w
    return 0


cdef Py_ssize_t total_len(object sets, Py_ssize_t *longest) except -1:
    cdef Py_ssize_t t = 0, size
    longest[0] = 0
    for keys in sets:
        size = len(keys)
        t += size
        if size > longest[0]:
            longest[0] = size
    return t


cdef double *zeros(Py_ssize_t count) except NULL:
    cdef double *out = <double *>malloc((count + 1) * sizeof(double))
    cdef Py_ssize_t k
    if out == NULL:
        raise MemoryError()
    for k in range(count + 1):
        out[k] = 0.0
    return out


def band_search(
    pair, list lo, list hi, double var, double per_s, double per_m, double silent,
    double swap, double bonus, double double_share, tuple priors, list tail, double scale,
    double limit, double far, double slope, progress,
):
    """(costs, arrows) exactly as ``search.search_python`` makes them, or None when this
    search must be left to it (see the module docstring)."""
    cdef list P = pair.P, Tp = pair.Tp, SP = pair.SP, ST = pair.ST, MP = pair.MP, MT = pair.MT
    cdef tuple Pk = tuple(pair.pivot_keys), Ot = tuple(pair.other_keys)
    cdef Py_ssize_t n = len(P) - 1, m = len(Ot)
    cdef object pivot_doubles = pair.pivot_doubles, other_doubles = pair.other_doubles
    cdef bint doubles = bool(pivot_doubles) and bool(other_doubles)
    cdef Py_ssize_t i, j, k
    if (
        n < 0 or len(Pk) != n or len(Tp) != m + 1 or len(SP) != n + 1 or len(MP) != n + 1
        or len(ST) != m + 1 or len(MT) != m + 1 or len(lo) != n + 1 or len(hi) != n + 1
        or len(tail) == 0 or len(priors) != 7
    ):
        return None
    if doubles and (len(pivot_doubles) != n or len(other_doubles) != m):
        return None
    cdef int *lo_ = <int *>malloc((n + 1) * sizeof(int))
    cdef int *hi_ = <int *>malloc((n + 1) * sizeof(int))
    cdef Py_ssize_t *row_at = <Py_ssize_t *>malloc((n + 2) * sizeof(Py_ssize_t))
    if lo_ == NULL or hi_ == NULL or row_at == NULL:
        free(lo_)
        free(hi_)
        free(row_at)
        raise MemoryError()
    row_at[0] = 0
    for i in range(n + 1):
        if not (0 <= lo[i] <= hi[i] <= m):  # an empty row: Python's errors, if any
            free(lo_)
            free(hi_)
            free(row_at)
            return None
        lo_[i] = lo[i]
        hi_[i] = hi[i]
        row_at[i + 1] = row_at[i] + (hi_[i] - lo_[i] + 1)
    cdef Sets sets[13]
    for k in range(13):
        sets[k].start = NULL
        sets[k].ids = NULL
    cdef double *arrays[16]
    for k in range(16):
        arrays[k] = NULL
    cdef int64_t *weight = NULL
    cdef int *scratch = NULL
    cdef double *cost = NULL
    cdef uint8_t *arrow = NULL
    cdef dict table = pair.weights
    cdef Py_ssize_t long_pk, long_ot, long_pd, long_od, pk_total, ot_total, pd_total, od_total
    cdef int failed
    try:
        trim_cache()
        pk_total = total_len(Pk, &long_pk)
        ot_total = total_len(Ot, &long_ot)
        pd_total = total_len(pivot_doubles, &long_pd) if doubles else 0
        od_total = total_len(other_doubles, &long_od) if doubles else 0
        if not doubles:
            long_pd = long_od = 0
        # 0 Pk, 1 Ot, 2 pivot doubles as given, 3 DP (cut to the paragraph's keys), 4 DO
        sets_init(&sets[0], n, pk_total)
        sets_init(&sets[1], m, ot_total)
        sets_init(&sets[2], n, pd_total)
        sets_init(&sets[3], n, pd_total)
        sets_init(&sets[4], m, od_total)
        for keys in Pk:
            if add_set(&sets[0], sorted_ids(keys)):
                return None
        for keys in Ot:
            if add_set(&sets[1], sorted_ids(keys)):
                return None
        if doubles:
            for keys in pivot_doubles:
                if add_set(&sets[2], sorted_ids(keys)):
                    return None
            for keys in other_doubles:
                if add_set(&sets[4], sorted_ids(keys)):
                    return None
        else:
            for i in range(n):
                sets_close(&sets[2], 0)
            for j in range(m):
                sets_close(&sets[4], 0)
        weight = <int64_t *>malloc((len(_KEYS) + 1) * sizeof(int64_t))
        if weight == NULL:
            raise MemoryError()
        for k in range(len(_KEYS) + 1):
            weight[k] = UNSET
        for k in (0, 1, 2, 4):
            if weigh(&sets[k], weight, table):
                return None
        # 5 O2, 6 O3, 7 OD1 (= DO shifted), 8 OD2, 9 OD3 per other boundary j
        sets_init(&sets[5], m + 1, 2 * ot_total)
        sets_init(&sets[6], m + 1, 3 * ot_total)
        sets_init(&sets[8], m + 1, 2 * od_total + ot_total)
        sets_init(&sets[9], m + 1, 4 * od_total + 3 * ot_total)
        # the per-row unions (K2, K3, D2, D3) and temporaries, in one scratch block
        k = 6 * (long_pk + long_pd + long_ot + long_od) + 8
        scratch = <int *>malloc(8 * k * sizeof(int))
        cost = <double *>malloc((row_at[n + 1] + 1) * sizeof(double))
        arrow = <uint8_t *>malloc((row_at[n + 1] + 1) * sizeof(uint8_t))
        if scratch == NULL or cost == NULL or arrow == NULL:
            raise MemoryError()
        for k in range(16):
            arrays[k] = zeros(max(n, m, len(tail)) + 3)
        # totals as doubles (exact: lengths and counts are far below 2**53)
        for i in range(n + 1):
            arrays[0][i] = P[i]
            arrays[1][i] = SP[i]
            arrays[2][i] = MP[i]
        for j in range(m + 1):
            arrays[3][j] = Tp[j]
            arrays[4][j] = ST[j]
            arrays[5][j] = MT[j]
        for k in range(len(tail)):
            arrays[6][k] = tail[k]
        failed = fill(
            n, m, lo_, hi_, row_at, sets, arrays, weight, scratch,
            6 * (long_pk + long_pd + long_ot + long_od) + 8, doubles, cost, arrow,
            var, per_s, per_m, silent, swap, bonus, double_share, priors, len(tail), scale,
            limit, far, slope, progress,
        )
        if failed:
            return None
        costs = PyList_New(n + 1)
        back = PyList_New(n + 1)
        for i in range(n + 1):
            width = hi_[i] - lo_[i] + 1
            row = PyList_New(width)
            for k in range(width):
                value = PyFloat_FromDouble(cost[row_at[i] + k])
                Py_INCREF(value)
                PyList_SET_ITEM(row, k, value)
            Py_INCREF(row)
            PyList_SET_ITEM(costs, i, row)
            arrows = PyByteArray_FromStringAndSize(<char *>(arrow + row_at[i]), width)
            Py_INCREF(arrows)
            PyList_SET_ITEM(back, i, arrows)
        return costs, back
    finally:
        for k in range(13):
            free(sets[k].start)
            free(sets[k].ids)
        for k in range(16):
            free(arrays[k])
        free(weight)
        free(scratch)
        free(cost)
        free(arrow)
        free(lo_)
        free(hi_)
        free(row_at)


cdef int fill(
    Py_ssize_t n, Py_ssize_t m, int *lo, int *hi, Py_ssize_t *row_at, Sets *sets,
    double **arrays, int64_t *weight, int *scratch, Py_ssize_t room, bint doubles,
    double *cost, uint8_t *arrow, double var, double per_s, double per_m, double silent,
    double swap, double bonus, double double_share, tuple priors, Py_ssize_t ntail,
    double scale, double limit, double far, double slope, object progress,
) except -1:
    """The search proper; 1 when it must be left to the Python search."""
    cdef Sets *pk = &sets[0]
    cdef Sets *ot = &sets[1]
    cdef Sets *pd = &sets[2]
    cdef Sets *dp = &sets[3]
    cdef Sets *do_ = &sets[4]
    cdef Sets *o2 = &sets[5]
    cdef Sets *o3 = &sets[6]
    cdef Sets *od2 = &sets[8]
    cdef Sets *od3 = &sets[9]
    cdef double *P = arrays[0]
    cdef double *SP = arrays[1]
    cdef double *MP = arrays[2]
    cdef double *Tp = arrays[3]
    cdef double *ST = arrays[4]
    cdef double *MT = arrays[5]
    cdef double *table = arrays[6]
    cdef double *WP = arrays[7]
    cdef double *WO = arrays[8]
    cdef double *XP2 = arrays[9]
    cdef double *XP3 = arrays[10]
    cdef double *XO2 = arrays[11]
    cdef double *XO3 = arrays[12]
    cdef double *WO1 = arrays[13]
    cdef double *WO2 = arrays[14]
    cdef double *WO3 = arrays[15]
    cdef int *K2 = scratch
    cdef int *K3 = scratch + room
    cdef int *D2 = scratch + 2 * room
    cdef int *D3 = scratch + 3 * room
    cdef int *t1 = scratch + 4 * room
    cdef int *t2 = scratch + 5 * room
    cdef int *t3 = scratch + 6 * room
    cdef int *a
    cdef int *b
    cdef int *K1
    cdef int *D1
    cdef int *Oj
    cdef int *O2j
    cdef int *O3j
    cdef int *OD1j
    cdef int *OD2j
    cdef int *OD3j
    cdef int na, nb, nK1 = 0, nK2 = 0, nK3 = 0, nD1 = 0, nD2 = 0, nD3 = 0
    cdef int nOj, nO2j, nO3j, nOD1j, nOD2j, nOD3j, u, v
    cdef Py_ssize_t i, j, pj, x
    cdef double pr21 = priors[0], pr12 = priors[1], pr22 = priors[2], pr31 = priors[3]
    cdef double pr13 = priors[4], pr10 = priors[5], pr01 = priors[6]
    cdef double inf = INF
    # the bounds, as search_python and _doubled make them
    for i in range(n):
        a = sets_at(pk, i, &na)
        WP[i] = held(a, na, weight, bonus)
    for j in range(m):
        a = sets_at(ot, j, &na)
        WO[j] = held(a, na, weight, bonus)
    for i in range(n):  # DP[i] = pivot_doubles[i] & Pk[i] if both else empty
        a = sets_at(pd, i, &na)
        b = sets_at(pk, i, &nb)
        sets_close(dp, merge_common(a, na, b, nb, sets_end(dp)))
    if doubles:
        for i in range(n):
            a = sets_at(dp, i, &na)
            WP[i] = WP[i] + held(a, na, weight, bonus)
        for j in range(m):
            a = sets_at(do_, j, &na)
            WO[j] = WO[j] + held(a, na, weight, bonus)
        # xp[k] = w(Pk[k - 1] & Pk[k]) (k >= 1), into t-scratch as doubles: kept in XP2
        for i in range(2, n + 1):
            a = sets_at(pk, i - 2, &na)
            b = sets_at(pk, i - 1, &nb)
            XP2[i] = held(t1, merge_common(a, na, b, nb, t1), weight, bonus)  # xp[i - 1]
        for i in range(3, n + 1):
            a = sets_at(pk, i - 3, &na)
            b = sets_at(pk, i - 1, &nb)
            XP3[i] = (
                XP2[i] + XP2[i - 1] + held(t1, merge_common(a, na, b, nb, t1), weight, bonus)
            )
        for j in range(2, m + 1):
            a = sets_at(ot, j - 2, &na)
            b = sets_at(ot, j - 1, &nb)
            XO2[j] = held(t1, merge_common(a, na, b, nb, t1), weight, bonus)
        for j in range(3, m + 1):
            a = sets_at(ot, j - 3, &na)
            b = sets_at(ot, j - 1, &nb)
            XO3[j] = (
                XO2[j] + XO2[j - 1] + held(t1, merge_common(a, na, b, nb, t1), weight, bonus)
            )
    for j in range(1, m + 1):
        WO1[j] = WO[j - 1]
    for j in range(2, m + 1):
        WO2[j] = WO[j - 2] + WO[j - 1] + XO2[j]
    for j in range(3, m + 1):
        WO3[j] = WO[j - 3] + WO[j - 2] + WO[j - 1] + XO3[j]
    # O2[j] = Ot[j-2] | Ot[j-1]; O3[j] = O2[j-1] | Ot[j-1]; OD2, OD3 likewise (j from 0)
    for j in range(m + 1):
        if j >= 2:
            a = sets_at(ot, j - 2, &na)
            b = sets_at(ot, j - 1, &nb)
            sets_close(o2, merge_union(a, na, b, nb, sets_end(o2)))
        else:
            sets_close(o2, 0)
    for j in range(m + 1):
        if j >= 3:
            a = sets_at(o2, j - 1, &na)
            b = sets_at(ot, j - 1, &nb)
            sets_close(o3, merge_union(a, na, b, nb, sets_end(o3)))
        else:
            sets_close(o3, 0)
    for j in range(m + 1):
        if doubles and j >= 2:
            a = sets_at(do_, j - 2, &na)
            b = sets_at(do_, j - 1, &nb)
            u = merge_union(a, na, b, nb, t1)
            a = sets_at(ot, j - 2, &na)
            b = sets_at(ot, j - 1, &nb)
            v = merge_common(a, na, b, nb, t2)
            sets_close(od2, merge_union(t1, u, t2, v, sets_end(od2)))
        else:
            sets_close(od2, 0)
    for j in range(m + 1):
        if doubles and j >= 3:
            a = sets_at(od2, j - 1, &na)
            b = sets_at(do_, j - 1, &nb)
            u = merge_union(a, na, b, nb, t1)
            a = sets_at(ot, j - 3, &na)
            b = sets_at(ot, j - 2, &nb)
            v = merge_union(a, na, b, nb, t2)
            a = sets_at(ot, j - 1, &na)
            v = merge_common(a, na, t2, v, t3)
            sets_close(od3, merge_union(t1, u, t3, v, sets_end(od3)))
        else:
            sets_close(od3, 0)
    cdef double *r1 = NULL
    cdef double *r2 = NULL
    cdef double *r3 = NULL
    cdef double *row
    cdef uint8_t *a1 = NULL
    cdef uint8_t *arrows
    cdef int lo1, lo2, lo3, hi1, hi2, hi3, loi, hii
    cdef double W1, W2, W3, L1, L2, L3, S1, S2, S3, M1, M2, M3
    cdef double lone = pr10 + pr01, fit = 0.0, best, c, d, xx, most, t, st, mt
    cdef double dbl = bonus * double_share
    cdef int arrow_, cnt, bad = 0
    cdef int64_t total
    cdef bint report = bool(progress)
    cdef Py_ssize_t at
    for i in range(n + 1):
        if report and i % 500 == 0:
            progress(i, n)
        loi = lo[i]
        hii = hi[i]
        row = cost + row_at[i]
        arrows = arrow + row_at[i]
        for x in range(hii - loi + 1):
            row[x] = inf
            arrows[x] = 0
        lo1 = lo2 = lo3 = 1
        hi1 = hi2 = hi3 = 0
        nK1 = nK2 = nK3 = nD1 = nD2 = nD3 = 0
        K1 = D1 = K2
        W1 = W2 = W3 = 0.0
        L1 = L2 = L3 = S1 = S2 = S3 = M1 = M2 = M3 = 0.0
        if i >= 1:
            r1 = cost + row_at[i - 1]
            lo1 = lo[i - 1]
            hi1 = hi[i - 1]
            K1 = sets_at(pk, i - 1, &nK1)
            W1 = WP[i - 1]
            if doubles:
                D1 = sets_at(dp, i - 1, &nD1)
            a1 = arrow + row_at[i - 1]
            L1 = P[i] - P[i - 1]
            S1 = SP[i] - SP[i - 1]
            M1 = MP[i] - MP[i - 1]
        if i >= 2:
            r2 = cost + row_at[i - 2]
            lo2 = lo[i - 2]
            hi2 = hi[i - 2]
            a = sets_at(pk, i - 2, &na)
            nK2 = merge_union(K1, nK1, a, na, K2)
            W2 = W1 + WP[i - 2] + XP2[i]
            if doubles:
                b = sets_at(dp, i - 2, &nb)
                u = merge_union(D1, nD1, b, nb, t1)
                v = merge_common(K1, nK1, a, na, t2)
                nD2 = merge_union(t1, u, t2, v, D2)
            L2 = P[i] - P[i - 2]
            S2 = SP[i] - SP[i - 2]
            M2 = MP[i] - MP[i - 2]
        if i >= 3:
            r3 = cost + row_at[i - 3]
            lo3 = lo[i - 3]
            hi3 = hi[i - 3]
            a = sets_at(pk, i - 3, &na)
            nK3 = merge_union(K2, nK2, a, na, K3)
            W3 = W1 + WP[i - 2] + WP[i - 3] + XP3[i]
            if doubles:
                b = sets_at(dp, i - 3, &nb)
                u = merge_union(D2, nD2, b, nb, t1)
                v = merge_common(a, na, K2, nK2, t2)
                nD3 = merge_union(t1, u, t2, v, D3)
            L3 = P[i] - P[i - 3]
            S3 = SP[i] - SP[i - 3]
            M3 = MP[i] - MP[i - 3]
        for j in range(loi, hii + 1):
            if j == 0:
                if i == 0:
                    row[0] = 0.0
                    arrows[0] = 0
                else:
                    row[0] = r1[0] + pr10 if lo1 == 0 else inf
                    arrows[0] = 6
                continue
            best = inf
            arrow_ = 0
            pj = j - 1
            t = Tp[j] - Tp[j - 1]
            st = ST[j] - ST[j - 1]
            mt = MT[j] - MT[j - 1]
            Oj = sets_at(ot, pj, &nOj)
            OD1j = sets_at(do_, pj, &nOD1j)
            if lo1 <= pj <= hi1:  # 1-1
                d = t - L1
                xx = d * d / (var * (L1 + t) + 1e-9)
                fit = tail_cost(xx, table, ntail, scale, limit, slope, far, &bad)
                c = r1[pj - lo1] + fit + per_s * abs(st - S1) + per_m * abs(mt - M1)
                cnt = shared(K1, nK1, Oj, nOj, weight, &total)
                if cnt < 0:
                    return 1
                if cnt:
                    c -= bonus * <double>total
                    if nD1 and nOD1j:
                        cnt = shared(D1, nD1, OD1j, nOD1j, weight, &total)
                        if cnt < 0:
                            return 1
                        if cnt:
                            c -= dbl * <double>total
                elif nK1 or nOj:
                    c += silent
                best = c
            if lo2 <= pj <= hi2:  # 2-1
                c = r2[pj - lo2] + pr21
                most = WO1[j] if WO1[j] < W2 else W2
                if c - most < best:
                    d = t - L2
                    xx = d * d / (var * (L2 + t) + 1e-9)
                    c = (
                        c + tail_cost(xx, table, ntail, scale, limit, slope, far, &bad)
                        + per_s * abs(st - S2) + per_m * abs(mt - M2)
                    )
                    if c - most < best:
                        cnt = shared(K2, nK2, Oj, nOj, weight, &total)
                        if cnt < 0:
                            return 1
                        if cnt:
                            c -= bonus * <double>total
                            if nD2 and nOD1j:
                                cnt = shared(D2, nD2, OD1j, nOD1j, weight, &total)
                                if cnt < 0:
                                    return 1
                                if cnt:
                                    c -= dbl * <double>total
                        elif nK2 or nOj:
                            c += silent
                        if c < best:
                            best = c
                            arrow_ = 1
            if j >= 2:
                pj = j - 2
                O2j = sets_at(o2, j, &nO2j)
                OD2j = sets_at(od2, j, &nOD2j)
                t = Tp[j] - Tp[j - 2]
                st = ST[j] - ST[j - 2]
                mt = MT[j] - MT[j - 2]
                if lo1 <= pj <= hi1:  # 1-2
                    c = r1[pj - lo1] + pr12
                    most = WO2[j] if WO2[j] < W1 else W1
                    if c - most < best:
                        d = t - L1
                        xx = d * d / (var * (L1 + t) + 1e-9)
                        c = (
                            c + tail_cost(xx, table, ntail, scale, limit, slope, far, &bad)
                            + per_s * abs(st - S1) + per_m * abs(mt - M1)
                        )
                        if c - most < best:
                            cnt = shared(K1, nK1, O2j, nO2j, weight, &total)
                            if cnt < 0:
                                return 1
                            if cnt:
                                c -= bonus * <double>total
                                if nD1 and nOD2j:
                                    cnt = shared(D1, nD1, OD2j, nOD2j, weight, &total)
                                    if cnt < 0:
                                        return 1
                                    if cnt:
                                        c -= dbl * <double>total
                            elif nK1 or nO2j:
                                c += silent
                            if c < best:
                                best = c
                                arrow_ = 2
                if lo2 <= pj <= hi2:  # 2-2
                    c = r2[pj - lo2] + pr22
                    most = WO2[j] if WO2[j] < W2 else W2
                    if c - most < best:
                        d = t - L2
                        xx = d * d / (var * (L2 + t) + 1e-9)
                        c = (
                            c + tail_cost(xx, table, ntail, scale, limit, slope, far, &bad)
                            + per_s * abs(st - S2) + per_m * abs(mt - M2)
                        )
                        if c - most < best:
                            cnt = shared(K2, nK2, O2j, nO2j, weight, &total)
                            if cnt < 0:
                                return 1
                            if cnt:
                                c -= bonus * <double>total
                            elif nK2 or nO2j:
                                c += silent
                            if c < best:
                                best = c
                                arrow_ = 3
            pj = j - 1
            if lo3 <= pj <= hi3:  # 3-1
                c = r3[pj - lo3] + pr31
                most = WO1[j] if WO1[j] < W3 else W3
                if c - most < best:
                    t = Tp[j] - Tp[j - 1]
                    st = ST[j] - ST[j - 1]
                    mt = MT[j] - MT[j - 1]
                    d = t - L3
                    xx = d * d / (var * (L3 + t) + 1e-9)
                    c = (
                        c + tail_cost(xx, table, ntail, scale, limit, slope, far, &bad)
                        + per_s * abs(st - S3) + per_m * abs(mt - M3)
                    )
                    if c - most < best:
                        cnt = shared(K3, nK3, Oj, nOj, weight, &total)
                        if cnt < 0:
                            return 1
                        if cnt:
                            c -= bonus * <double>total
                            if nD3 and nOD1j:
                                cnt = shared(D3, nD3, OD1j, nOD1j, weight, &total)
                                if cnt < 0:
                                    return 1
                                if cnt:
                                    c -= dbl * <double>total
                        elif nK3 or nOj:
                            c += silent
                        if c < best:
                            best = c
                            arrow_ = 4
            pj = j - 3
            if pj >= 0 and lo1 <= pj <= hi1:  # 1-3
                c = r1[pj - lo1] + pr13
                most = WO3[j] if WO3[j] < W1 else W1
                if c - most < best:
                    O3j = sets_at(o3, j, &nO3j)
                    OD3j = sets_at(od3, j, &nOD3j)
                    t = Tp[j] - Tp[j - 3]
                    st = ST[j] - ST[j - 3]
                    mt = MT[j] - MT[j - 3]
                    d = t - L1
                    xx = d * d / (var * (L1 + t) + 1e-9)
                    c = (
                        c + tail_cost(xx, table, ntail, scale, limit, slope, far, &bad)
                        + per_s * abs(st - S1) + per_m * abs(mt - M1)
                    )
                    if c - most < best:
                        cnt = shared(K1, nK1, O3j, nO3j, weight, &total)
                        if cnt < 0:
                            return 1
                        if cnt:
                            c -= bonus * <double>total
                            if nD1 and nOD3j:
                                cnt = shared(D1, nD1, OD3j, nOD3j, weight, &total)
                                if cnt < 0:
                                    return 1
                                if cnt:
                                    c -= dbl * <double>total
                        elif nK1 or nO3j:
                            c += silent
                        if c < best:
                            best = c
                            arrow_ = 5
            if lo1 <= j <= hi1:  # 1-0
                c = r1[j - lo1] + pr10
                if a1[j - lo1] == 7 and fit < lone:
                    c += swap
                if c < best:
                    best = c
                    arrow_ = 6
            if j > loi:  # 0-1
                c = row[j - 1 - loi] + pr01
                if arrows[j - 1 - loi] == 6 and fit < lone:
                    c += swap
                if c < best:
                    best = c
                    arrow_ = 7
            row[j - loi] = best
            arrows[j - loi] = arrow_
    if bad:
        return 1
    if report:
        progress(n, n)
    return 0


cdef inline double tail_cost(
    double x, double *table, Py_ssize_t ntail, double scale, double limit, double slope,
    double far, int *bad,
) noexcept nogil:
    # table[int(x * scale)] if x < limit else x * slope + far; x >= 0, so the index is in
    # range; were it not, Python's negative index is followed and an IndexError leaves the
    # search to Python (bad)
    cdef Py_ssize_t at
    if x < limit:
        at = <Py_ssize_t>(x * scale)
        if at < 0:
            at += ntail
        if at < 0 or at >= ntail:
            bad[0] = 1
            return 0.0
        return table[at]
    return x * slope + far


def within_band(tuple keys, tuple other, list lo, list hi, empty):
    """``pairwise._within_band``'s cut of the pivot keys, compiled: per pivot paragraph i
    the keys some other paragraph of other[start:end] holds (start = min(lo[i + 1 : i + 5])
    - 3, at least 0; end = max(hi[i + 1 : i + 5]) + 1, at most len(other)), ``empty`` when
    none is, the paragraph's own (equal) set when all are. The window is kept as a count per
    key of the other paragraphs in it, moved along as i grows, not rebuilt. None where the
    Python cut must do it (a band of another shape)."""
    cdef Py_ssize_t n = len(keys), m = len(other), i, x, k, start, end, cs = 0, ce = 0
    cdef Py_ssize_t total = 0, longest = 0
    if len(lo) < n + 1 or len(hi) < n + 1:
        return None
    cdef list near = []
    cdef list pivot_ids = []
    cdef Sets ot
    ot.start = NULL
    ot.ids = NULL
    cdef int *count = NULL
    cdef int *o
    cdef int *p
    cdef int no, npk, y, kept_count
    cdef bytes mine
    try:
        trim_cache()
        for found in other:
            total += len(found)
        sets_init(&ot, m, total)
        for found in other:
            add_set(&ot, sorted_ids(found))
        for found in keys:
            pivot_ids.append(sorted_ids(found) if found else None)
        count = <int *>malloc((len(_KEYS) + 1) * sizeof(int))
        if count == NULL:
            raise MemoryError()
        for k in range(len(_KEYS) + 1):
            count[k] = 0
        for i in range(n):
            found = keys[i]
            if not found:
                near.append(found)
                continue
            start = lo[i + 1]
            end = hi[i + 1]
            for x in range(i + 2, min(i + 5, len(lo))):
                if lo[x] < start:
                    start = lo[x]
            for x in range(i + 2, min(i + 5, len(hi))):
                if hi[x] > end:
                    end = hi[x]
            start = start - 3 if start - 3 > 0 else 0
            end = end + 1 if end + 1 < m else m
            if end < start:
                end = start  # other[start:end] is empty
            while ce < end:  # grow, move the start, shrink: cs <= ce throughout
                o = sets_at(&ot, ce, &no)
                for y in range(no):
                    count[o[y]] += 1
                ce += 1
            while cs < start:
                o = sets_at(&ot, cs, &no)
                for y in range(no):
                    count[o[y]] -= 1
                cs += 1
            while cs > start:
                cs -= 1
                o = sets_at(&ot, cs, &no)
                for y in range(no):
                    count[o[y]] += 1
            while ce > end:
                ce -= 1
                o = sets_at(&ot, ce, &no)
                for y in range(no):
                    count[o[y]] -= 1
            mine = pivot_ids[i]
            p = <int *>PyBytes_AS_STRING(mine)
            npk = <int>(len(mine) // sizeof(int))
            kept_count = 0
            for y in range(npk):
                if count[p[y]] > 0:
                    kept_count += 1
            if kept_count == npk:
                near.append(found)
            elif kept_count:
                near.append(frozenset([_KEYS[p[y]] for y in range(npk) if count[p[y]] > 0]))
            else:
                near.append(empty)
        return tuple(near)
    finally:
        free(ot.start)
        free(ot.ids)
        free(count)


def through_best(
    list costs, list arrows, list back, list back_arrows, list lo, list hi, list back_lo,
    Py_ssize_t n, Py_ssize_t m, path, double swap, int meet,
):
    """``margins.boundary_margins``'s loop, compiled: (row_best, col_best), the cheapest path
    through each pivot boundary and each other boundary off the best path (forward cost plus
    backward cost, plus ``swap`` where the two arrows are an omission and an insertion, their
    indices summing to ``meet``), or None where the Python loop must do it."""
    cdef Py_ssize_t i, j, k, width, start, back_start, at
    cdef Py_ssize_t *row_at = NULL
    cdef uint8_t *on_path = NULL
    cdef double *cols = NULL
    cdef double best, through, inf = INF
    cdef uint8_t *came
    cdef uint8_t *goes
    cdef list forward, backward
    if (
        len(costs) != n + 1 or len(back) != n + 1 or len(arrows) != n + 1
        or len(back_arrows) != n + 1 or len(lo) != n + 1 or len(hi) != n + 1
        or len(back_lo) != n + 1
    ):
        return None
    try:
        row_at = <Py_ssize_t *>malloc((n + 2) * sizeof(Py_ssize_t))
        cols = <double *>malloc((m + 1) * sizeof(double))
        if row_at == NULL or cols == NULL:
            raise MemoryError()
        row_at[0] = 0
        for i in range(n + 1):
            width = hi[i] - lo[i] + 1
            if (
                width < 0 or lo[i] < 0 or hi[i] > m or len(costs[i]) != width
                or len(back[n - i]) != width or len(arrows[i]) != width
                or len(back_arrows[n - i]) != width or m - hi[i] - back_lo[n - i] != 0
                or type(arrows[i]) is not bytearray or type(back_arrows[n - i]) is not bytearray
            ):
                return None
            row_at[i + 1] = row_at[i] + width
        on_path = <uint8_t *>malloc(row_at[n + 1] + 1)
        if on_path == NULL:
            raise MemoryError()
        for k in range(row_at[n + 1]):
            on_path[k] = 0
        for step in path:
            i = step[0]
            j = step[1]
            if 0 <= i <= n and lo[i] <= j <= hi[i]:
                on_path[row_at[i] + j - lo[i]] = 1
        if n >= 0 and lo[0] == 0 and hi[0] >= 0:
            on_path[0] = 1  # (0, 0)
        for j in range(m + 1):
            cols[j] = inf
        row_best = PyList_New(n + 1)
        for i in range(n + 1):
            forward = costs[i]
            backward = back[n - i]
            came = <uint8_t *>PyByteArray_AS_STRING(arrows[i])
            goes = <uint8_t *>PyByteArray_AS_STRING(back_arrows[n - i])
            start = lo[i]
            back_start = back_lo[n - i]
            best = inf
            for j in range(start, hi[i] + 1):
                if on_path[row_at[i] + j - start]:
                    continue
                at = m - j - back_start
                through = <double>forward[j - start] + <double>backward[at]
                if came[j - start] + goes[at] == meet:
                    through += swap
                if through < best:
                    best = through
                if through < cols[j]:
                    cols[j] = through
            value = PyFloat_FromDouble(best)
            Py_INCREF(value)
            PyList_SET_ITEM(row_best, i, value)
        col_best = [cols[j] for j in range(m + 1)]
        return row_best, col_best
    finally:
        free(row_at)
        free(on_path)
        free(cols)

/*
 * slacalc._speedups: the hottest Python loops, compiled.
 *
 * Each function here gives exactly what its Python reference gives (named beside it),
 * and hands anything it does not read itself to that reference, so the compiled and
 * the pure-Python package answer alike; tests/test_speedups.py and
 * tests/timers/test_speedups.py compare them on generated input. The module is optional: without a C compiler slacalc
 * installs and runs on the references, and SLACALC_PURE_PYTHON=1 makes it ignore a
 * built module.
 *
 * Tables and helpers come from the Python side once, through configure(); they are
 * constants of the package, never state that a call changes.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <datetime.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <structmember.h>

#if PY_VERSION_HEX < 0x030B0000
#error "slacalc needs Python 3.11 or later"
#endif

/* What configure() hands over (strong references, kept for the process). */
static PyObject *reference_plain_verbs; /* slacalc.timers._events._plain_verbs */
static PyObject *takes_severity;        /* dict: verb -> bool, whether it takes one */
static PyObject *other_keys;            /* tuple: the attributes a plain verb lacks */
static PyObject *rank;                  /* dict: kind -> precedence (int) */
static PyObject *wall_epoch;            /* slacalc._time.wall_epoch */
static PyObject *offset_us;             /* slacalc._time.offset_us */
static PyObject *subclass_us;           /* slacalc.timers._events._subclass_us */
static PyObject *reference_verb_loop;   /* slacalc.timers._replay._verb_loop */

static PyObject *s_kind, *s_at, *s_severity, *s_forbid;
static PyObject *s_moves, *s_after, *s_each, *s_resume, *s_closed_again;
static PyObject *verb_codes; /* dict: verb -> its case in verb_loop */

enum { OPENED, RESPONDED, CUSTOMER_REPLIED, PAUSED, RESUMED, RESOLVED, CLOSED, REOPENED,
       SEVERITY_CHANGED };

/* Days from 1970-01-01 to a proleptic Gregorian date (the era algorithm of H. Hinnant's
 * "chrono-Compatible Low-Level Date Algorithms"). */
static int64_t
days_from_civil(int64_t y, int64_t m, int64_t d)
{
    y -= m <= 2;
    const int64_t era = y / 400; /* datetime's years are 1-9999: y is never negative */
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* A datetime's wall clock in µs from 1970-01-01 00:00 of the same wall clock: what
 * ``t - epoch`` gives when both share their tzinfo (which it then ignores). */
static int64_t
wall_us(PyObject *t)
{
    int64_t days = days_from_civil(PyDateTime_GET_YEAR(t), PyDateTime_GET_MONTH(t),
                                   PyDateTime_GET_DAY(t));
    int64_t s = days * 86400 + PyDateTime_DATE_GET_HOUR(t) * 3600 +
                PyDateTime_DATE_GET_MINUTE(t) * 60 + PyDateTime_DATE_GET_SECOND(t);
    return s * 1000000 + PyDateTime_DATE_GET_MICROSECOND(t);
}

static int
as_int64(PyObject *value, int64_t *out)
{
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(value, &overflow);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (overflow) {
        PyErr_SetString(PyExc_OverflowError, "an instant beyond 64-bit microseconds");
        return -1;
    }
    *out = (int64_t)v;
    return 0;
}

/* 1 and *out when v is an exact int within 64 bits; 0 otherwise (no exception set). */
static int
exact64(PyObject *v, int64_t *out)
{
    int overflow = 0;
    if (!PyLong_CheckExact(v)) {
        return 0;
    }
    *out = (int64_t)PyLong_AsLongLongAndOverflow(v, &overflow);
    return !overflow;
}

static PyObject *
configure(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *names[] = {"reference", "takes_severity", "other_keys", "rank", "wall_epoch",
                            "offset_us", "subclass_us", "verb_loop", NULL};
    PyObject *given[8] = {NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|$O!O!O!O!OOOO!:configure", names,
                                     &PyFunction_Type, &given[0], &PyDict_Type, &given[1],
                                     &PyTuple_Type, &given[2], &PyDict_Type, &given[3],
                                     &given[4], &given[5], &given[6], &PyFunction_Type,
                                     &given[7])) {
        return NULL;
    }
    PyObject **slots[] = {&reference_plain_verbs, &takes_severity, &other_keys, &rank,
                          &wall_epoch, &offset_us, &subclass_us, &reference_verb_loop};
    for (int i = 0; i < 8; i++) {
        if (given[i] != NULL) {
            Py_INCREF(given[i]);
            Py_XSETREF(*slots[i], given[i]);
        }
    }
    Py_RETURN_NONE;
}

/* plain_verbs(events, extra): slacalc.timers._events._plain_verbs, compiled for a list
 * of dicts. A list holding anything else (TicketEvent records) is read by the
 * reference. NULL with an exception set where the reference raises. */
static PyObject *
plain_verbs(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "plain_verbs(events, extra) takes two arguments");
        return NULL;
    }
    if (reference_plain_verbs == NULL || takes_severity == NULL || other_keys == NULL ||
        rank == NULL || wall_epoch == NULL || offset_us == NULL || subclass_us == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "slacalc._speedups is not configured");
        return NULL;
    }
    PyObject *events = args[0], *extra = args[1];
    if (!PyList_CheckExact(events)) {
        return PyObject_Vectorcall(reference_plain_verbs, args, 2, NULL);
    }
    int forbid = PyObject_RichCompareBool(extra, s_forbid, Py_EQ);
    if (forbid < 0) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(events);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!PyDict_CheckExact(PyList_GET_ITEM(events, i))) {
            return PyObject_Vectorcall(reference_plain_verbs, args, 2, NULL);
        }
    }
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    PyObject *zone = NULL;    /* borrowed: the tzinfo of the instant before */
    PyObject *reading = NULL; /* wall_epoch(zone): (epoch, fixed, offset_of) */
    int has_fixed = 0;
    int64_t fixed = 0;
    PyObject *seen = NULL; /* the offset object before, and in µs */
    int64_t seen_us = 0;
    int64_t last = INT64_MIN;
    int tied = 0;
    PyObject *result = NULL;
    for (Py_ssize_t index = 0; index < PyList_GET_SIZE(events); index++) {
        PyObject *raw = PyList_GET_ITEM(events, index);
        if (!PyDict_CheckExact(raw)) { /* the list changed under us: the reference reads it */
            result = PyObject_Vectorcall(reference_plain_verbs, args, 2, NULL);
            goto done;
        }
        /* Strong references: a tzinfo's Python code, run below, could change the dict. */
        PyObject *kind = NULL, *at = NULL, *severity = NULL;
        int64_t x;
        int outcome = 0; /* 0: read, 1: None (the general path reads it), -1: raised */
        Py_INCREF(raw);
        kind = PyDict_GetItemWithError(raw, s_kind);
        if (kind == NULL) {
            outcome = PyErr_Occurred() ? -1 : 1;
            goto next;
        }
        Py_INCREF(kind);
        if (!PyUnicode_CheckExact(kind)) {
            outcome = 1;
            goto next;
        }
        PyObject *takes = PyDict_GetItemWithError(takes_severity, kind);
        if (takes == NULL) {
            outcome = PyErr_Occurred() ? -1 : 1;
            goto next;
        }
        at = PyDict_GetItemWithError(raw, s_at);
        if (at == NULL && PyErr_Occurred()) {
            outcome = -1;
            goto next;
        }
        at = at == NULL ? Py_None : at;
        Py_INCREF(at);
        severity = PyDict_GetItemWithError(raw, s_severity);
        if (severity == NULL && PyErr_Occurred()) {
            outcome = -1;
            goto next;
        }
        severity = severity == NULL ? Py_None : severity;
        Py_INCREF(severity);
        if (forbid) {
            Py_ssize_t size = PyDict_GET_SIZE(raw);
            if (size > 2) {
                int has = size > 3 ? 0 : PyDict_Contains(raw, s_severity);
                if (has <= 0) {
                    outcome = has < 0 ? -1 : 1;
                    goto next;
                }
            }
        }
        else { /* ``not others.isdisjoint(raw)``: an attribute's key is there */
            for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(other_keys); k++) {
                int has = PyDict_Contains(raw, PyTuple_GET_ITEM(other_keys, k));
                if (has != 0) {
                    outcome = has < 0 ? -1 : 1;
                    goto next;
                }
            }
        }
        if (takes == Py_True) {
            if (!PyUnicode_CheckExact(severity) || PyUnicode_GET_LENGTH(severity) == 0) {
                outcome = 1;
                goto next;
            }
        }
        else if (severity != Py_None) {
            if (!PyFloat_CheckExact(severity) || !isnan(PyFloat_AS_DOUBLE(severity))) {
                outcome = 1;
                goto next;
            }
            Py_SETREF(severity, Py_NewRef(Py_None)); /* NaN: missing */
        }
        if (PyDateTime_CheckExact(at)) {
            /* to_us(at), asking the zone once (see slacalc._time.wall_epoch). */
            PyObject *tz = PyDateTime_DATE_GET_TZINFO(at);
            if (tz != zone) {
                if (tz == Py_None) {
                    outcome = 1;
                    goto next;
                }
                zone = tz;
                PyObject *got = PyObject_CallOneArg(wall_epoch, tz);
                if (got == NULL) {
                    outcome = -1;
                    goto next;
                }
                Py_XSETREF(reading, got);
                if (!PyTuple_Check(got) || PyTuple_GET_SIZE(got) != 3) {
                    PyErr_SetString(PyExc_TypeError, "wall_epoch must give a 3-tuple");
                    outcome = -1;
                    goto next;
                }
                PyObject *f = PyTuple_GET_ITEM(reading, 1);
                has_fixed = f != Py_None;
                if (has_fixed && as_int64(f, &fixed) < 0) {
                    outcome = -1;
                    goto next;
                }
            }
            x = wall_us(at);
            if (has_fixed) {
                x -= fixed;
            }
            else {
                PyObject *offset = PyObject_CallOneArg(PyTuple_GET_ITEM(reading, 2), at);
                if (offset == NULL) {
                    outcome = -1;
                    goto next;
                }
                if (offset != seen) { /* a zone gives the same object for the same offset */
                    if (offset == Py_None) {
                        Py_DECREF(offset);
                        outcome = 1;
                        goto next;
                    }
                    PyObject *us = PyObject_CallOneArg(offset_us, offset);
                    Py_XSETREF(seen, offset);
                    if (us == NULL) {
                        outcome = -1;
                        goto next;
                    }
                    int bad = as_int64(us, &seen_us);
                    Py_DECREF(us);
                    if (bad < 0) {
                        Py_CLEAR(seen);
                        outcome = -1;
                        goto next;
                    }
                }
                else {
                    Py_DECREF(offset);
                }
                x -= seen_us;
            }
        }
        else {
            PyObject *found = PyObject_CallOneArg(subclass_us, at);
            if (found == NULL || found == Py_None) {
                outcome = found == NULL ? -1 : 1;
                Py_XDECREF(found);
                goto next;
            }
            int bad = as_int64(found, &x);
            Py_DECREF(found);
            if (bad < 0) {
                outcome = -1;
                goto next;
            }
        }
        if (x <= last) {
            if (x < last) {
                outcome = 1;
                goto next;
            }
            tied = 1;
        }
        last = x;
        PyObject *precedence = PyDict_GetItemWithError(rank, kind);
        if (precedence == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_KeyError, "no precedence for %R", kind);
            }
            outcome = -1;
            goto next;
        }
        PyObject *row = PyTuple_New(5);
        PyObject *x_obj = PyLong_FromLongLong(x), *i_obj = PyLong_FromSsize_t(index);
        if (row == NULL || x_obj == NULL || i_obj == NULL) {
            Py_XDECREF(row);
            Py_XDECREF(x_obj);
            Py_XDECREF(i_obj);
            outcome = -1;
            goto next;
        }
        PyTuple_SET_ITEM(row, 0, x_obj);
        PyTuple_SET_ITEM(row, 1, Py_NewRef(precedence));
        PyTuple_SET_ITEM(row, 2, i_obj);
        PyTuple_SET_ITEM(row, 3, Py_NewRef(kind));
        PyTuple_SET_ITEM(row, 4, Py_NewRef(severity));
        if (PyList_Append(out, row) < 0) {
            outcome = -1;
        }
        Py_DECREF(row);
    next:
        Py_XDECREF(kind);
        Py_XDECREF(at);
        Py_XDECREF(severity);
        Py_DECREF(raw);
        if (outcome < 0) {
            goto done;
        }
        if (outcome > 0) {
            result = Py_NewRef(Py_None);
            goto done;
        }
    }
    if (tied && PyList_Sort(out) < 0) { /* by instant, precedence, index: unique */
        goto done;
    }
    result = Py_NewRef(out);
done:
    Py_DECREF(out);
    Py_XDECREF(reading);
    Py_XDECREF(seen);
    return result;
}

/* list[-1] = item (the list is not empty). */
static void
set_last(PyObject *list, PyObject *item)
{
    Py_ssize_t n = PyList_GET_SIZE(list);
    PyObject *old = PyList_GET_ITEM(list, n - 1);
    PyList_SET_ITEM(list, n - 1, Py_NewRef(item));
    Py_DECREF(old);
}

static int
append_pair(PyObject *list, PyObject *a, PyObject *b)
{
    PyObject *pair = PyTuple_Pack(2, a, b);
    if (pair == NULL) {
        return -1;
    }
    int bad = PyList_Append(list, pair);
    Py_DECREF(pair);
    return bad;
}

static int
small_index(PyObject *value, Py_ssize_t limit, Py_ssize_t *out)
{
    if (!PyLong_CheckExact(value)) {
        return 0;
    }
    Py_ssize_t i = PyLong_AsSsize_t(value);
    if (i == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        return 0;
    }
    *out = i;
    return i < limit;
}

/* verb_loop(one, known, restart, ordered, at): slacalc.timers._replay._verb_loop,
 * compiled. Input of another shape than the one pass gives it (rows not 5-tuples of
 * an int instant, a plan not of tuples) is handed to that reference. */
static PyObject *
verb_loop(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 5) {
        PyErr_SetString(PyExc_TypeError,
                        "verb_loop(one, known, restart, ordered, at) takes five arguments");
        return NULL;
    }
    if (reference_verb_loop == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "slacalc._speedups is not configured");
        return NULL;
    }
    PyObject *one = args[0], *known = args[1], *ordered = args[3];
    PyObject *moves = NULL, *after = NULL, *each = NULL, *resume = NULL;
    PyObject *begun = NULL, *ended = NULL, *holes = NULL;
    PyObject *paused_from = NULL, *paused_to = NULL, *changes = NULL;
    PyObject *seen_closed = Py_NewRef(Py_None), *seen_resolved = Py_NewRef(Py_None);
    /* Held: a comparison may run Python code that changes ``ordered`` under the loop,
     * which then goes on over the list as it is, as a Python for loop does. */
    PyObject *row_held = NULL, *severity = NULL;
    PyObject *result = NULL;
    int to_reference = 0;
    int restart = PyObject_IsTrue(args[2]);
    if (restart < 0) {
        goto done;
    }
    int64_t at;
    if (!exact64(args[4], &at) || !PyList_CheckExact(ordered)) { /* beyond 64 bits, or no int */
        to_reference = 1;
        goto done;
    }
    moves = PyObject_GetAttr(one, s_moves);
    after = moves ? PyObject_GetAttr(one, s_after) : NULL;
    each = after ? PyObject_GetAttr(one, s_each) : NULL;
    resume = each ? PyObject_GetAttr(one, s_resume) : NULL;
    if (resume == NULL) {
        goto done;
    }
    if (!PyDict_CheckExact(moves) || !PyTuple_CheckExact(after) || !PyTuple_CheckExact(each) ||
        !PyTuple_CheckExact(resume) || PyTuple_GET_SIZE(each) != PyTuple_GET_SIZE(after) ||
        PyTuple_GET_SIZE(resume) != PyTuple_GET_SIZE(after)) {
        to_reference = 1;
        goto done;
    }
    Py_ssize_t count = PyTuple_GET_SIZE(after);
    begun = PyList_New(count);
    ended = PyList_New(count);
    holes = PyDict_New();
    paused_from = PyList_New(0);
    paused_to = PyList_New(0);
    changes = PyList_New(0);
    if (!begun || !ended || !holes || !paused_from || !paused_to || !changes) {
        goto done;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *a = PyList_New(0), *b = PyList_New(0);
        if (a == NULL || b == NULL) {
            Py_XDECREF(a);
            Py_XDECREF(b);
            goto done;
        }
        PyList_SET_ITEM(begun, i, a);
        PyList_SET_ITEM(ended, i, b);
    }
    int opened = 0, closed = 0, paused = 0, resolved = 0;
    for (Py_ssize_t r = 0; r < PyList_GET_SIZE(ordered); r++) {
        PyObject *row = PyList_GET_ITEM(ordered, r);
        Py_XSETREF(row_held, Py_NewRef(row));
        if (!PyTuple_CheckExact(row) || PyTuple_GET_SIZE(row) != 5 ||
            !PyLong_CheckExact(PyTuple_GET_ITEM(row, 0)) ||
            !PyUnicode_CheckExact(PyTuple_GET_ITEM(row, 3))) {
            to_reference = 1;
            goto done;
        }
        PyObject *x_obj = PyTuple_GET_ITEM(row, 0), *kind = PyTuple_GET_ITEM(row, 3);
        PyObject *given = PyTuple_GET_ITEM(row, 4);
        int64_t x;
        if (!exact64(x_obj, &x)) {
            to_reference = 1;
            goto done;
        }
        if (closed) {
            result = Py_NewRef(Py_None);
            goto done;
        }
        int recording = x <= at;
        PyObject *key = kind;
        PyObject *code_obj = PyDict_GetItemWithError(verb_codes, kind);
        if (code_obj == NULL && PyErr_Occurred()) {
            goto done;
        }
        /* The reference's last branch takes every other kind as a severity change. */
        long code = code_obj == NULL ? SEVERITY_CHANGED : PyLong_AsLong(code_obj);
        if (code == OPENED) {
            int has = opened ? 0 : PySequence_Contains(known, given);
            if (has <= 0) {
                result = has < 0 ? NULL : Py_NewRef(Py_None);
                goto done;
            }
            opened = 1;
            Py_XSETREF(severity, Py_NewRef(given));
            if (recording && append_pair(changes, x_obj, given) < 0) {
                goto done;
            }
        }
        else if (!opened) {
            result = Py_NewRef(Py_None);
            goto done;
        }
        else if (code == RESPONDED || code == CUSTOMER_REPLIED) {
        }
        else if (code == PAUSED) {
            if (paused) {
                result = Py_NewRef(Py_None);
                goto done;
            }
            paused = 1;
            if (recording && (PyList_Append(paused_from, x_obj) < 0 || PyList_Append(paused_to, Py_None) < 0)) {
                goto done;
            }
        }
        else if (code == RESUMED) {
            if (!paused) {
                result = Py_NewRef(Py_None);
                goto done;
            }
            paused = 0;
            if (recording) {
                if (PyList_GET_SIZE(paused_to) == 0) { /* cannot be: its pause came first */
                    to_reference = 1;
                    goto done;
                }
                set_last(paused_to, x_obj);
            }
        }
        else if (code == RESOLVED) {
            if (resolved) {
                result = Py_NewRef(Py_None);
                goto done;
            }
            resolved = 1;
            if (recording) {
                Py_SETREF(seen_resolved, Py_NewRef(x_obj));
            }
        }
        else if (code == CLOSED) {
            closed = 1;
            if (recording) {
                Py_SETREF(seen_closed, Py_NewRef(x_obj));
            }
            if (!resolved) {
                resolved = 1;
                if (recording) {
                    Py_SETREF(seen_resolved, Py_NewRef(x_obj));
                }
            }
            else {
                key = s_closed_again;
            }
        }
        else if (code == REOPENED) {
            if (!resolved) {
                result = Py_NewRef(Py_None);
                goto done;
            }
            resolved = 0;
            if (recording) {
                Py_SETREF(seen_resolved, Py_NewRef(Py_None));
            }
        }
        else { /* severity_changed */
            int has = PySequence_Contains(known, given);
            if (has <= 0) {
                result = has < 0 ? NULL : Py_NewRef(Py_None);
                goto done;
            }
            int differs = severity == NULL ? 1 : PyObject_RichCompareBool(given, severity, Py_NE);
            if (differs < 0) {
                goto done;
            }
            if (differs) {
                Py_XSETREF(severity, Py_NewRef(given));
                if (recording) {
                    if (restart) { /* its cycles are split where the severity changes */
                        result = Py_NewRef(Py_None);
                        goto done;
                    }
                    if (append_pair(changes, x_obj, given) < 0) {
                        goto done;
                    }
                }
            }
            continue; /* no tags a one-pass condition names */
        }
        if (!recording) {
            continue;
        }
        PyObject *row_moves = PyDict_GetItemWithError(moves, key);
        if (row_moves == NULL) {
            if (PyErr_Occurred()) {
                goto done;
            }
            continue;
        }
        if (!PyTuple_CheckExact(row_moves)) {
            to_reference = 1;
            goto done;
        }
        int live = !resolved;
        for (Py_ssize_t m = 0; m < PyTuple_GET_SIZE(row_moves); m++) {
            PyObject *move = PyTuple_GET_ITEM(row_moves, m);
            Py_ssize_t i, j;
            if (!PyTuple_CheckExact(move) || PyTuple_GET_SIZE(move) != 4 ||
                !small_index(PyTuple_GET_ITEM(move, 0), count, &i) || i < 0) {
                to_reference = 1;
                goto done;
            }
            int stops = PyObject_IsTrue(PyTuple_GET_ITEM(move, 1));
            int resets = PyObject_IsTrue(PyTuple_GET_ITEM(move, 2));
            int starts = PyObject_IsTrue(PyTuple_GET_ITEM(move, 3));
            if (stops < 0 || resets < 0 || starts < 0) {
                goto done;
            }
            PyObject *ends = PyList_GET_ITEM(ended, i);
            Py_ssize_t n_ends = PyList_GET_SIZE(ends);
            if (n_ends && PyList_GET_ITEM(ends, n_ends - 1) == Py_None) {
                if (stops || resets) {
                    set_last(ends, x_obj);
                    if (!stops && live &&
                        (PyList_Append(PyList_GET_ITEM(begun, i), x_obj) < 0 ||
                         PyList_Append(ends, Py_None) < 0)) {
                        goto done;
                    }
                }
                continue;
            }
            if (!starts || !live) {
                continue;
            }
            if (!small_index(PyTuple_GET_ITEM(after, i), count, &j)) {
                to_reference = 1;
                goto done;
            }
            if (j >= 0) {
                PyObject *waits = PyList_GET_ITEM(ended, j);
                if (PyList_GET_SIZE(waits) == 0 || PyList_GET_ITEM(waits, 0) == Py_None) {
                    continue;
                }
            }
            int every = PyObject_IsTrue(PyTuple_GET_ITEM(each, i));
            if (every < 0) {
                goto done;
            }
            if (!n_ends || every) {
                if (PyList_Append(PyList_GET_ITEM(begun, i), x_obj) < 0 ||
                    PyList_Append(ends, Py_None) < 0) {
                    goto done;
                }
                continue;
            }
            int resumes = PyObject_IsTrue(PyTuple_GET_ITEM(resume, i));
            if (resumes < 0) {
                goto done;
            }
            if (resumes) {
                PyObject *last = PyList_GET_ITEM(ends, n_ends - 1);
                PyObject *where = Py_BuildValue("(nn)", i, n_ends);
                if (where == NULL) {
                    goto done;
                }
                PyObject *gaps = PyDict_GetItemWithError(holes, where);
                if (gaps == NULL) {
                    gaps = PyErr_Occurred() ? NULL : PyList_New(0);
                    if (gaps == NULL || PyDict_SetItem(holes, where, gaps) < 0) {
                        Py_XDECREF(gaps);
                        Py_DECREF(where);
                        goto done;
                    }
                    Py_DECREF(gaps); /* the dict holds it */
                }
                Py_DECREF(where);
                if (append_pair(gaps, last, x_obj) < 0) {
                    goto done;
                }
                set_last(ends, Py_None);
            }
        }
    }
    result = PyTuple_Pack(8, begun, ended, holes, paused_from, paused_to, changes, seen_closed,
                          seen_resolved);
done:
    Py_XDECREF(row_held);
    Py_XDECREF(severity);
    Py_XDECREF(moves);
    Py_XDECREF(after);
    Py_XDECREF(each);
    Py_XDECREF(resume);
    Py_XDECREF(begun);
    Py_XDECREF(ended);
    Py_XDECREF(holes);
    Py_XDECREF(paused_from);
    Py_XDECREF(paused_to);
    Py_XDECREF(changes);
    Py_DECREF(seen_closed);
    Py_DECREF(seen_resolved);
    if (to_reference) {
        return PyObject_Vectorcall(reference_verb_loop, args, 5, NULL);
    }
    return result;
}

/* -- a calendar's warm questions over its snapshot ------------------------------------ */

/* Item k of a tuple of ints as int64; 0 (with *bad set) when it is not one. */
static int64_t
item64(PyObject *tuple, Py_ssize_t k, int *bad)
{
    int64_t x = 0;
    if (!exact64(PyTuple_GET_ITEM(tuple, k), &x)) {
        *bad = 1;
    }
    return x;
}

/* bisect.bisect_right(values, x, 0, n) over a tuple of ints. */
static Py_ssize_t
bisect_right64(PyObject *values, int64_t x, Py_ssize_t n, int *bad)
{
    Py_ssize_t lo = 0, hi = n;
    while (lo < hi) {
        Py_ssize_t mid = lo + (hi - lo) / 2;
        if (x < item64(values, mid, bad)) {
            hi = mid;
        }
        else {
            lo = mid + 1;
        }
    }
    return lo;
}

/* The snapshot's open time in [lo, x): Intervals.before over its tuples. */
static int64_t
before64(PyObject *starts, PyObject *ends, PyObject *cum, int64_t x, int *bad)
{
    Py_ssize_t i = bisect_right64(starts, x, PyTuple_GET_SIZE(starts), bad) - 1;
    if (i < 0) {
        return 0;
    }
    int64_t end = item64(ends, i, bad);
    return item64(cum, i, bad) + (x < end ? x : end) - item64(starts, i, bad);
}

/* A Snapshot's (lo, hi, starts, ends, cum) when it is one and covers [a, b]. */
static int
snapshot_of(PyObject *snap, int64_t a, int64_t b, PyObject **starts, PyObject **ends,
            PyObject **cum)
{
    if (!PyTuple_Check(snap) || PyTuple_GET_SIZE(snap) < 5) {
        return 0;
    }
    int bad = 0;
    int64_t lo = item64(snap, 0, &bad), hi = item64(snap, 1, &bad);
    *starts = PyTuple_GET_ITEM(snap, 2);
    *ends = PyTuple_GET_ITEM(snap, 3);
    *cum = PyTuple_GET_ITEM(snap, 4);
    return !bad && lo <= a && a < hi && lo <= b && b < hi && PyTuple_CheckExact(*starts) &&
           PyTuple_CheckExact(*ends) && PyTuple_CheckExact(*cum) &&
           PyTuple_GET_SIZE(*ends) == PyTuple_GET_SIZE(*starts) &&
           PyTuple_GET_SIZE(*cum) == PyTuple_GET_SIZE(*starts) + 1;
}

static int
args64(PyObject *const *args, Py_ssize_t from, Py_ssize_t n, int64_t *out)
{
    for (Py_ssize_t k = 0; k < n; k++) {
        if (!exact64(args[from + k], &out[k])) {
            return 0;
        }
    }
    return 1;
}

/* snap_elapsed(snap, a, b): Timeline.elapsed's warm path (the snapshot covers a and b),
 * or None for Timeline.elapsed itself to answer. */
static PyObject *
snap_elapsed(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "snap_elapsed(snap, a, b) takes three arguments");
        return NULL;
    }
    int64_t ab[2];
    PyObject *starts, *ends, *cum;
    if (!args64(args, 1, 2, ab) || !snapshot_of(args[0], ab[0], ab[1], &starts, &ends, &cum)) {
        Py_RETURN_NONE;
    }
    int bad = 0;
    int64_t n = before64(starts, ends, cum, ab[1], &bad) - before64(starts, ends, cum, ab[0], &bad);
    if (bad) {
        Py_RETURN_NONE;
    }
    return PyLong_FromLongLong(n);
}

/* snap_deadline(snap, x, d): Timeline.deadline's warm path (the snapshot covers x and
 * the deadline lies inside it), or None for Timeline.deadline itself to answer. */
static PyObject *
snap_deadline(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "snap_deadline(snap, x, d) takes three arguments");
        return NULL;
    }
    int64_t xd[2];
    PyObject *starts, *ends, *cum;
    if (!args64(args, 1, 2, xd) || xd[1] < 0 ||
        !snapshot_of(args[0], xd[0], xd[0], &starts, &ends, &cum)) {
        Py_RETURN_NONE;
    }
    int bad = 0;
    Py_ssize_t n = PyTuple_GET_SIZE(starts);
    int64_t before = before64(starts, ends, cum, xd[0], &bad);
    if (bad || xd[1] > INT64_MAX / 4 - before) {
        Py_RETURN_NONE;
    }
    int64_t target = before + xd[1];
    if (target >= item64(cum, n, &bad)) { /* beyond the stretch: it must grow */
        Py_RETURN_NONE;
    }
    Py_ssize_t j = bisect_right64(cum, target, n, &bad) - 1;
    int64_t y = item64(starts, j, &bad) + target - item64(cum, j, &bad);
    if (bad || j < 0) {
        Py_RETURN_NONE;
    }
    return PyLong_FromLongLong(y);
}

/* -- record makers: a frozen slots record filled through its slots -------------------- */

/* A maker of one record class: called with the values of ``setters`` in order, it
 * makes an instance as object.__new__(cls) does and sets each value through its slot's
 * descriptor, then each fixed (descriptor, value) pair. slacalc._slots.record_maker's
 * generated Python function is its reference. */
typedef struct {
    PyObject_HEAD
    PyTypeObject *cls;
    PyObject *setters; /* tuple of descriptors, one a parameter */
    PyObject *fixed;   /* tuple of (descriptor, value) pairs */
    vectorcallfunc vectorcall;
} Maker;

static PyObject *
maker_call(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Maker *m = (Maker *)self;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    Py_ssize_t want = PyTuple_GET_SIZE(m->setters);
    if (nargs != want || (kwnames != NULL && PyTuple_GET_SIZE(kwnames))) {
        PyErr_Format(PyExc_TypeError, "a %s maker takes %zd positional values (got %zd)",
                     m->cls->tp_name, want, nargs);
        return NULL;
    }
    PyObject *made = m->cls->tp_alloc(m->cls, 0);
    if (made == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < want; i++) {
        PyObject *d = PyTuple_GET_ITEM(m->setters, i);
        if (Py_TYPE(d)->tp_descr_set(d, made, args[i]) < 0) {
            Py_DECREF(made);
            return NULL;
        }
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(m->fixed); i++) {
        PyObject *pair = PyTuple_GET_ITEM(m->fixed, i);
        PyObject *d = PyTuple_GET_ITEM(pair, 0);
        if (Py_TYPE(d)->tp_descr_set(d, made, PyTuple_GET_ITEM(pair, 1)) < 0) {
            Py_DECREF(made);
            return NULL;
        }
    }
    return made;
}

static int
maker_traverse(Maker *m, visitproc visit, void *arg)
{
    Py_VISIT(m->cls);
    Py_VISIT(m->setters);
    Py_VISIT(m->fixed);
    return 0;
}

static int
maker_clear(Maker *m)
{
    Py_CLEAR(m->cls);
    Py_CLEAR(m->setters);
    Py_CLEAR(m->fixed);
    return 0;
}

static void
maker_dealloc(Maker *m)
{
    PyObject_GC_UnTrack(m);
    maker_clear(m);
    Py_TYPE(m)->tp_free((PyObject *)m);
}

static PyObject *
maker_repr(Maker *m)
{
    return PyUnicode_FromFormat("<compiled maker of %s>", m->cls->tp_name);
}

static PyTypeObject MakerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "slacalc._speedups.Maker",
    .tp_basicsize = sizeof(Maker),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "A maker of one record class through its slots (see record_maker).",
    .tp_vectorcall_offset = offsetof(Maker, vectorcall),
    .tp_call = PyVectorcall_Call,
    .tp_traverse = (traverseproc)maker_traverse,
    .tp_clear = (inquiry)maker_clear,
    .tp_dealloc = (destructor)maker_dealloc,
    .tp_repr = (reprfunc)maker_repr,
};

/* A settable descriptor of ``cls``'s instances: a slot's member descriptor. */
static int
is_slot_of(PyObject *d, PyTypeObject *cls)
{
    return Py_IS_TYPE(d, &PyMemberDescr_Type) &&
           PyType_IsSubtype(cls, PyDescr_TYPE(d));
}

static PyObject *
record_maker(PyObject *self, PyObject *args)
{
    PyTypeObject *cls;
    PyObject *setters, *fixed;
    if (!PyArg_ParseTuple(args, "O!O!O!:record_maker", &PyType_Type, &cls, &PyTuple_Type,
                          &setters, &PyTuple_Type, &fixed)) {
        return NULL;
    }
    /* Made as object.__new__ makes it: only for a class that keeps object's __new__. */
    if (cls->tp_new != PyBaseObject_Type.tp_new || (cls->tp_flags & Py_TPFLAGS_IS_ABSTRACT)) {
        PyErr_Format(PyExc_TypeError, "%s is not made by object.__new__", cls->tp_name);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(setters); i++) {
        if (!is_slot_of(PyTuple_GET_ITEM(setters, i), cls)) {
            PyErr_Format(PyExc_TypeError, "value %zd of %s is not set through one of its slots",
                         i, cls->tp_name);
            return NULL;
        }
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(fixed); i++) {
        PyObject *pair = PyTuple_GET_ITEM(fixed, i);
        if (!PyTuple_CheckExact(pair) || PyTuple_GET_SIZE(pair) != 2 ||
            !is_slot_of(PyTuple_GET_ITEM(pair, 0), cls)) {
            PyErr_Format(PyExc_TypeError,
                         "fixed value %zd of %s is not a (slot, value) pair", i, cls->tp_name);
            return NULL;
        }
    }
    Maker *m = PyObject_GC_New(Maker, &MakerType);
    if (m == NULL) {
        return NULL;
    }
    m->cls = (PyTypeObject *)Py_NewRef(cls);
    m->setters = Py_NewRef(setters);
    m->fixed = Py_NewRef(fixed);
    m->vectorcall = maker_call;
    PyObject_GC_Track(m);
    return (PyObject *)m;
}

static PyMethodDef methods[] = {
    {"configure", (PyCFunction)(void (*)(void))configure, METH_VARARGS | METH_KEYWORDS,
     "configure(*, reference, takes_severity, other_keys, rank, wall_epoch, offset_us, "
     "subclass_us)\n--\n\nHand over the tables and helpers plain_verbs reads with."},
    {"plain_verbs", (PyCFunction)(void (*)(void))plain_verbs, METH_FASTCALL,
     "plain_verbs(events, extra)\n--\n\n"
     "slacalc.timers._events._plain_verbs, compiled: a strict list of plain verbs in "
     "time order as (us, precedence, index, kind, severity) rows, or None."},
    {"record_maker", (PyCFunction)record_maker, METH_VARARGS,
     "record_maker(cls, setters, fixed)\n--\n\n"
     "A maker of cls through its slots: the values of setters (member descriptors) in "
     "order, then each fixed (descriptor, value) pair."},
    {"snap_elapsed", (PyCFunction)(void (*)(void))snap_elapsed, METH_FASTCALL,
     "snap_elapsed(snap, a, b)\n--\n\n"
     "Timeline.elapsed's warm path over a Snapshot covering a and b, or None."},
    {"snap_deadline", (PyCFunction)(void (*)(void))snap_deadline, METH_FASTCALL,
     "snap_deadline(snap, x, d)\n--\n\n"
     "Timeline.deadline's warm path over a Snapshot covering x and the deadline, or None."},
    {"verb_loop", (PyCFunction)(void (*)(void))verb_loop, METH_FASTCALL,
     "verb_loop(one, known, restart, ordered, at)\n--\n\n"
     "slacalc.timers._replay._verb_loop, compiled: each clock's cycles, the pauses and "
     "the severities a strict list of plain verbs gives by at, or None."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "slacalc._speedups",
    .m_doc = "The ticket clocks' hottest loops, compiled; each answers as its Python reference.",
    .m_size = -1,
    .m_methods = methods,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == NULL || PyType_Ready(&MakerType) < 0) {
        return NULL;
    }
    s_kind = PyUnicode_InternFromString("kind");
    s_at = PyUnicode_InternFromString("at");
    s_severity = PyUnicode_InternFromString("severity");
    s_forbid = PyUnicode_InternFromString("forbid");
    s_moves = PyUnicode_InternFromString("moves");
    s_after = PyUnicode_InternFromString("after");
    s_each = PyUnicode_InternFromString("each");
    s_resume = PyUnicode_InternFromString("resume");
    s_closed_again = PyUnicode_InternFromString("closed again");
    if (!s_kind || !s_at || !s_severity || !s_forbid || !s_moves || !s_after || !s_each ||
        !s_resume || !s_closed_again) {
        return NULL;
    }
    static const char *verbs[] = {"opened", "responded", "customer_replied", "paused",
                                  "resumed", "resolved", "closed", "reopened",
                                  "severity_changed"};
    verb_codes = PyDict_New();
    if (verb_codes == NULL) {
        return NULL;
    }
    for (long code = OPENED; code <= SEVERITY_CHANGED; code++) {
        PyObject *value = PyLong_FromLong(code);
        if (value == NULL || PyDict_SetItemString(verb_codes, verbs[code], value) < 0) {
            Py_XDECREF(value);
            return NULL;
        }
        Py_DECREF(value);
    }
    return PyModule_Create(&module);
}

// yrkesresan::Date <-> datetime.date, field by field. pybind11/chrono.h is
// not used: it goes through time_t and local time and can shift the day.
// A datetime.datetime is refused: the rules take calendar dates, no times.
#pragma once

#include <datetime.h>
#include <pybind11/pybind11.h>

#include "yrkesresan/date.hpp"
#include "yrkesresan/error.hpp"

namespace pybind11::detail {

template <>
struct type_caster<yrkesresan::Date> {
    PYBIND11_TYPE_CASTER(yrkesresan::Date, const_name("datetime.date"));

    bool load(handle src, bool) {
        if (!PyDateTimeAPI) PyDateTime_IMPORT;
        if (!src || !PyDate_Check(src.ptr()) || PyDateTime_Check(src.ptr())) return false;
        // Outside the years the library accepts: not convertible (the Python
        // layer checks dates first with check_date, which names the problem).
        try {
            value = yrkesresan::Date::from_ymd(PyDateTime_GET_YEAR(src.ptr()), PyDateTime_GET_MONTH(src.ptr()),
                                               PyDateTime_GET_DAY(src.ptr()));
        } catch (const yrkesresan::Error&) {
            return false;
        }
        return true;
    }

    static handle cast(yrkesresan::Date d, return_value_policy, handle) {
        if (!PyDateTimeAPI) PyDateTime_IMPORT;
        return PyDate_FromDate(d.year(), d.month(), d.day());
    }
};

}  // namespace pybind11::detail

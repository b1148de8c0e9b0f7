/**
 * @file libmatch.h
 * @brief Umbrella header: includes the whole public API of libmatch.
 *
 * libmatch scores every candidate mentor–mentee pair of a cohort, assigns
 * the pairs that are best for the whole cohort under hard constraints and
 * capacities, and explains every pair and every unmatched mentee.
 */
#ifndef LIBMATCH_LIBMATCH_H
#define LIBMATCH_LIBMATCH_H

#include <libmatch/version.h>
#include <libmatch/error.h>
#include <libmatch/limits.h>
#include <libmatch/cohort.h>
#include <libmatch/model.h>
#include <libmatch/match.h>
#include <libmatch/verify.h>
#include <libmatch/solver.h>
#include <libmatch/stable.h>
#include <libmatch/io.h>

#endif

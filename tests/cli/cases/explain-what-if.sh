# explain COHORT alone: for everyone the match left unmatched, how many more
# pairs relaxing each single hard rule would allow, best first (consent and
# exclusions are never relaxed); text and JSON; a cohort where everyone is
# matched lists nothing.
"$LIBMATCH" explain ../../data/sample/role_model.json
"$LIBMATCH" explain ../../data/sample/tutoring.json --model tutoring --format json

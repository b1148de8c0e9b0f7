# explain COHORT MENTEE runs the match and tells that mentee's outcome:
# matched (each criterion's contribution), no feasible mentor (how many
# mentors each hard rule ruled out), capacity taken (the best feasible
# mentor, full); text and JSON.
S=../../data/sample/role_model.json
for m in m-00001 m-00014 m-00003; do
	"$LIBMATCH" explain $S $m
done
"$LIBMATCH" explain $S m-00014 --format json
"$LIBMATCH" explain $S m-00001 --format json
# The same options as match: another algorithm may decide otherwise.
"$LIBMATCH" explain $S m-00003 --algorithm greedy

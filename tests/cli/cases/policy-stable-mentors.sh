# Stable matching proposed by mentors: the result names the proposing side.
"$LIBMATCH" match ../../data/sample/role_model.json -a stable -p mentors | sed -n '6,9p;/outranked/{p;q}'
"$LIBMATCH" match ../../data/sample/role_model.json -a stable -p mentors | tail -n 2

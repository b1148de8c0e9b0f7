# A mentee's outcome and the what-if are for staff only; the id must be a
# mentee's; options are checked as for match.
S=../../data/sample/role_model.json
"$LIBMATCH" explain $S m-00001 --audience mentee; echo "exit $?"
"$LIBMATCH" explain $S --audience mentor; echo "exit $?"
"$LIBMATCH" explain $S r-00001; echo "exit $?"
"$LIBMATCH" explain $S m-99999; echo "exit $?"
"$LIBMATCH" explain $S m-00001 --algorithm best; echo "exit $?"
"$LIBMATCH" explain; echo "exit $?"
"$LIBMATCH" explain $S m-00001 r-00001 extra

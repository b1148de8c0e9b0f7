"$LIBMATCH" verify ../../data/sample/role_model.json no-such-result.json

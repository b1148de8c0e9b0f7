# The JSON Schemas of docs/schema/ against libmatch: the schemas are valid, accept
# the samples and golden valid files, reject structurally invalid files, agree with
# `libmatch validate`, and describe what `libmatch match` and `assign` write.
#
# Debian's python3-jsonschema installs for Debian's /usr/bin/python3, which another
# python3 earlier in PATH (pyenv, a virtualenv) may not see, so that one comes first.
find_program(LM_SCHEMA_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT LM_SCHEMA_PYTHON)
  find_program(LM_SCHEMA_PYTHON NAMES python3)
endif()
if(LM_SCHEMA_PYTHON)
  add_test(NAME schema COMMAND ${LM_SCHEMA_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/schema/check_schemas.py
    $<TARGET_FILE:libmatch_cli> ${PROJECT_SOURCE_DIR})
else()
  message(WARNING "python3 not found: the schema test is not run (tools/setup-debian.sh installs it)")
endif()

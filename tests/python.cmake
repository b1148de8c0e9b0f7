# The Python binding (bindings/python) against the freshly built shared library:
# unit tests, leaks, threads, installation with pip, and the example.
#
# The interpreter is the one CMake finds (a pyenv or venv python on PATH, or
# Debian's /usr/bin/python3 on a fresh machine). Tests run from a folder of
# their own: a folder holding libmatch.so would make `import libmatch` try it
# as an extension module.

find_package(Python3 3.9 COMPONENTS Interpreter)
if(NOT Python3_Interpreter_FOUND)
  message(WARNING "Python 3.9+ not found: the Python binding is not tested "
                  "(tools/setup-debian.sh installs python3)")
  return()
endif()
if(LM_SANITIZE)
  # A sanitized libmatch.so cannot be dlopen'ed by an uninstrumented python.
  message(STATUS "Python binding tests skipped in a sanitizer build (LM_SANITIZE)")
  return()
endif()

set(LM_PY_DIR ${PROJECT_SOURCE_DIR}/bindings/python)
set(LM_PY_WORK ${CMAKE_CURRENT_BINARY_DIR}/python-work)
file(MAKE_DIRECTORY ${LM_PY_WORK})
set(LM_PY_ENV
  "LIBMATCH_LIBRARY=$<TARGET_FILE:libmatch_shared>"
  "LM_CLI=$<TARGET_FILE:libmatch_cli>"
  "LM_BUILD_DIR=${PROJECT_BINARY_DIR}"
  "LM_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
  "PYTHONPATH=${LM_PY_DIR}/tests:${LM_PY_DIR}"
  "PYTHONDONTWRITEBYTECODE=1")

function(lm_python_test name)
  cmake_parse_arguments(T "" "PYTHON;TIMEOUT" "ARGS" ${ARGN})
  if(NOT T_PYTHON)
    set(T_PYTHON ${Python3_EXECUTABLE})
  endif()
  add_test(NAME ${name} COMMAND ${T_PYTHON} ${T_ARGS} WORKING_DIRECTORY ${LM_PY_WORK})
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "${LM_PY_ENV}" LABELS python)
  if(T_TIMEOUT)
    set_tests_properties(${name} PROPERTIES TIMEOUT ${T_TIMEOUT})
  endif()
endfunction()

file(GLOB LM_PY_UNIT_TESTS CONFIGURE_DEPENDS ${LM_PY_DIR}/tests/test_*.py)
set(LM_PY_UNIT_MODULES)
foreach(f ${LM_PY_UNIT_TESTS})
  get_filename_component(m ${f} NAME_WE)
  # The slow ones are tests of their own.
  if(NOT m MATCHES "^test_(leaks|threads|install)$")
    list(APPEND LM_PY_UNIT_MODULES ${m})
  endif()
endforeach()

lm_python_test(python ARGS -m unittest -v ${LM_PY_UNIT_MODULES} TIMEOUT 600)
lm_python_test(python_leaks ARGS -m unittest -v test_leaks TIMEOUT 1200)
lm_python_test(python_threads ARGS -m unittest -v test_threads TIMEOUT 600)
lm_python_test(python_install ARGS -m unittest -v test_install TIMEOUT 900)
lm_python_test(python_example
  ARGS ${PROJECT_SOURCE_DIR}/examples/python/match_sample.py TIMEOUT 300)
set_tests_properties(python_example PROPERTIES
  PASS_REGULAR_EXPRESSION "First 5 pairs:.*Unmatched.*Why m-")
# `cmake --install` of this build tree, also done by install_and_consume:
# one at a time (both write the build tree's install manifest).
set_tests_properties(python_install PROPERTIES RESOURCE_LOCK lm_build_install)
if(TEST install_and_consume)
  set_tests_properties(install_and_consume PROPERTIES RESOURCE_LOCK lm_build_install)
endif()

# numpy is optional. When the interpreter above lacks it but Debian's python3
# has it (python3-numpy), the numpy tests also run there.
execute_process(COMMAND ${Python3_EXECUTABLE} -c "import numpy"
  RESULT_VARIABLE LM_PY_NO_NUMPY OUTPUT_QUIET ERROR_QUIET)
if(LM_PY_NO_NUMPY AND EXISTS /usr/bin/python3 AND NOT Python3_EXECUTABLE STREQUAL "/usr/bin/python3")
  execute_process(COMMAND /usr/bin/python3 -c "import sys, numpy; assert sys.version_info >= (3, 9)"
    RESULT_VARIABLE LM_SYS_PY_NO_NUMPY OUTPUT_QUIET ERROR_QUIET)
  if(NOT LM_SYS_PY_NO_NUMPY)
    lm_python_test(python_numpy PYTHON /usr/bin/python3 ARGS -m unittest -v test_assign
      TIMEOUT 300)
  endif()
endif()

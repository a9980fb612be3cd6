# Checks that the public API is the library and not the `align` tool's jobs
# (issue #30):
#  - HEADER_DIR (the installed crossalign/ headers, or the source folder
#    they are installed from): no header mentions std::ostream plumbing,
#    standard output, exit codes or argv-shaped options;
#  - LIB_SRC_DIR (lib/src): no file of the installed library (every file
#    but the tool's jobs/) writes to std::cout or std::cerr or includes a
#    jobs/ header.
# Fails naming every file and line that does.
#   cmake -DHEADER_DIR=... [-DLIB_SRC_DIR=...] -P check_public_api.cmake
if(NOT DEFINED HEADER_DIR)
  message(FATAL_ERROR "HEADER_DIR is not set")
endif()

set(problems "")

# Appends "FILE:LINE: LINE TEXT (why)" to `problems` for each line of `file`
# (compared in lower case) that matches `regex`.
function(check_file file regex why)
  file(STRINGS "${file}" lines)
  set(number 0)
  set(found "")
  foreach(line IN LISTS lines)
    math(EXPR number "${number} + 1")
    string(TOLOWER "${line}" lower)
    if(lower MATCHES "${regex}")
      string(APPEND found "${file}:${number}: ${line}  (${why})\n")
    endif()
  endforeach()
  set(problems "${problems}${found}" PARENT_SCOPE)
endfunction()

file(GLOB headers "${HEADER_DIR}/*.h" "${HEADER_DIR}/*.h.in")
if(NOT headers)
  message(FATAL_ERROR "no headers in ${HEADER_DIR}")
endif()
foreach(header IN LISTS headers)
  check_file("${header}" "ostream|standard_output|exit|argv|std::cout"
             "job plumbing in a public header")
endforeach()

if(DEFINED LIB_SRC_DIR)
  file(GLOB_RECURSE sources RELATIVE "${LIB_SRC_DIR}"
       "${LIB_SRC_DIR}/*.cc" "${LIB_SRC_DIR}/*.h")
  list(FILTER sources EXCLUDE REGEX "^jobs/")
  list(LENGTH sources count)
  if(count EQUAL 0)
    message(FATAL_ERROR "no sources in ${LIB_SRC_DIR}")
  endif()
  foreach(source IN LISTS sources)
    check_file("${LIB_SRC_DIR}/${source}" "std::cout|std::cerr"
               "the library writes to the terminal")
    check_file("${LIB_SRC_DIR}/${source}" "#include \"jobs/"
               "the library includes the tool's jobs")
  endforeach()
endif()

if(NOT problems STREQUAL "")
  message(NOTICE "${problems}")
  message(FATAL_ERROR "public API check failed (the lines above)")
endif()
list(LENGTH headers header_count)
message(STATUS "public API check: ${header_count} headers clean")

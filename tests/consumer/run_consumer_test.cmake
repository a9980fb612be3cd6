# Installs crossalign from BUILD_DIR into a scratch prefix, then builds and
# runs the consumer project against it with find_package(), and a second
# consumer compiled with flags from crossalign.pc.
foreach(var BUILD_DIR CONSUMER_SOURCE_DIR WORK_DIR MODEL)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "${var} is not set")
  endif()
endforeach()
set(prefix "${WORK_DIR}/prefix")
file(REMOVE_RECURSE "${WORK_DIR}")

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "command failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")
foreach(f include/crossalign/status.h include/crossalign/version.h
          lib/cmake/crossalign/crossalignConfig.cmake
          lib/cmake/crossalign/crossalignConfigVersion.cmake
          lib/pkgconfig/crossalign.pc)
  if(NOT EXISTS "${prefix}/${f}")
    message(FATAL_ERROR "installed package lacks ${f}")
  endif()
endforeach()
# Only our own headers are installed: no ICU, fastText or pugixml types leak.
file(GLOB_RECURSE headers "${prefix}/include/*.h")
foreach(h ${headers})
  file(READ "${h}" content)
  if(content MATCHES "#include <(unicode|fasttext|pugixml)")
    message(FATAL_ERROR "public header ${h} includes a private dependency")
  endif()
endforeach()

# The installed headers are the library's, not the tool's jobs (issue #30):
# no std::ostream plumbing, standard output, exit codes or argv.
run(${CMAKE_COMMAND} "-DHEADER_DIR=${prefix}/include/crossalign"
    -P "${CONSUMER_SOURCE_DIR}/../api/check_public_api.cmake")
foreach(job detect split run_result batch)
  if(EXISTS "${prefix}/include/crossalign/${job}.h")
    message(FATAL_ERROR "the tool's job header ${job}.h is installed")
  endif()
endforeach()

run(${CMAKE_COMMAND} -S "${CONSUMER_SOURCE_DIR}" -B "${WORK_DIR}/build"
    "-DCMAKE_PREFIX_PATH=${prefix}" -DCMAKE_BUILD_TYPE=Release)
run(${CMAKE_COMMAND} --build "${WORK_DIR}/build")
run("${WORK_DIR}/build/consumer" "${MODEL}")
if(NOT last_output MATCHES "<tu ")
  message(FATAL_ERROR "consumer printed no TMX unit:\n${last_output}")
endif()

# pkg-config route, both ways: the plain line the README gives (issue #27
# item 13: it lacked the static library's dependencies) and --static.
set(ENV{PKG_CONFIG_PATH} "${prefix}/lib/pkgconfig")
foreach(way plain static)
  if(way STREQUAL "static")
    run(pkg-config --cflags --libs --static crossalign)
  else()
    run(pkg-config --cflags --libs crossalign)
  endif()
  string(STRIP "${last_output}" flags)
  separate_arguments(flags UNIX_COMMAND "${flags}")
  run(c++ -std=c++17 "${CONSUMER_SOURCE_DIR}/main.cc"
      -o "${WORK_DIR}/consumer_pc_${way}" ${flags})
  run("${WORK_DIR}/consumer_pc_${way}" "${MODEL}")
  if(NOT last_output MATCHES "<tu ")
    message(FATAL_ERROR "pkg-config (${way}) consumer printed no TMX unit")
  endif()
endforeach()
message(STATUS "installed package works with find_package and pkg-config")

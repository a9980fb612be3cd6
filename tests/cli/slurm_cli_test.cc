// `align batch` as a Slurm job array: --shard auto, --slurm-script,
// --collect; and an end-to-end run on a real single-node Slurm cluster
// (Debian's slurmctld, slurmd, munge, slurm-client) that this test starts in
// a scratch folder, skipped with a message where the daemons cannot start.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "cli_support.h"
#include "test_support.h"

namespace crossalign {
namespace {

using testing::Batch;
using testing::Exists;
using testing::ListDir;
using testing::MakeTempDir;
using testing::Quote;
using testing::ReadFile;
using testing::RunCommand;
using testing::SourceDir;
using testing::WriteFile;

constexpr const char* kDate = "2025-01-01";

// Items from corpora/: each story as a group, and pairs within each story.
std::string WriteManifest(const std::string& dir, bool with_bad_item) {
  std::string m = "# corpora/ stories and pairs\n";
  int pairs = 0;
  for (const std::string& story : ListDir(SourceDir() + "/corpora")) {
    const std::string d = SourceDir() + "/corpora/" + story;
    std::vector<std::string> files;
    for (const std::string& f : ListDir(d)) {
      if (f.size() > 4 && f.compare(f.size() - 4, 4, ".txt") == 0) {
        files.push_back(d + "/" + f);
      }
    }
    if (files.size() < 2) continue;
    m += "id=" + story;
    for (const std::string& f : files) m += "\t" + f;
    m += "\n";
    for (size_t k = 1; k < files.size() && k < 4; ++k) {
      m += "id=pair" + std::to_string(++pairs) + "\t" + files[0] + "\t" +
           files[k] + "\n";
    }
  }
  if (with_bad_item) m += "id=bad\t/nonexistent/a.txt\t/nonexistent/b.txt\n";
  WriteFile(dir + "/manifest.tsv", m);
  return dir + "/manifest.tsv";
}

TEST(SlurmCliTest, ShardAutoReadsTheArrayVariables) {
  const std::string dir = MakeTempDir();
  const std::string manifest = WriteManifest(dir, false);
  // Task 7 of an array 6-7 is shard 1/2.
  auto r = RunCommand(
      "SLURM_ARRAY_TASK_ID=7 SLURM_ARRAY_TASK_COUNT=2 SLURM_ARRAY_TASK_MIN=6 " +
      Batch(Quote(manifest) + " -o " + Quote(dir + "/auto") +
            " --shard auto --date " + kDate));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunCommand(Batch(Quote(manifest) + " -o " + Quote(dir + "/fixed") +
                       " --shard 1/2 --date " + kDate));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> a = ListDir(dir + "/auto/.done");
  EXPECT_EQ(a, ListDir(dir + "/fixed/.done"));
  EXPECT_FALSE(a.empty());
  for (const std::string& f : ListDir(dir + "/fixed")) {
    if (f.size() > 4 && f.compare(f.size() - 4, 4, ".tmx") == 0) {
      EXPECT_EQ(ReadFile(dir + "/auto/" + f), ReadFile(dir + "/fixed/" + f))
          << f;
    }
  }
  // Outside an array, and with a task outside MIN + COUNT.
  r = RunCommand(
      "env -u SLURM_ARRAY_TASK_ID " +
      Batch(Quote(manifest) + " -o " + Quote(dir + "/x") + " --shard auto"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("SLURM_ARRAY_TASK_ID"), std::string::npos) << r.err;
  r = RunCommand(
      "SLURM_ARRAY_TASK_ID=9 SLURM_ARRAY_TASK_COUNT=2 " +
      Batch(Quote(manifest) + " -o " + Quote(dir + "/x") + " --shard auto"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("outside"), std::string::npos) << r.err;
}

TEST(SlurmCliTest, ScriptAndCollectReportDoneFailedMissing) {
  const std::string dir = MakeTempDir();
  const std::string manifest = WriteManifest(dir, true);
  const std::string out = dir + "/out";
  auto r = RunCommand(Batch(Quote(manifest) + " -o " + Quote(out) +
                            " --slurm-script " + Quote(dir + "/job.sh") +
                            " --array-tasks 4 --jobs 2 --date " + kDate));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string script = ReadFile(dir + "/job.sh");
  for (const std::string& want :
       {std::string("#SBATCH --array=0-3\n"),
        std::string("--cpus-per-task=2\n"), std::string("#SBATCH --mem="),
        std::string("--requeue"),
        std::string(" --shard auto --jobs \"${SLURM_CPUS_PER_TASK:-2}\""),
        std::string("--lid-model '/"), std::string("'--date' '2025-01-01'"),
        Quote(manifest)}) {
    EXPECT_NE(script.find(want), std::string::npos) << want << "\n" << script;
  }
  EXPECT_TRUE(Exists(out + "/.slurm"));  // Slurm does not create it

  // Two of the four shards run: the others' items are missing.
  for (const char* shard : {"0/4", "1/4"}) {
    r = RunCommand(Batch(Quote(manifest) + " -o " + Quote(out) + " --shard " +
                         shard + " --date " + kDate));
    EXPECT_LE(r.exit_code, 1) << r.err;
  }
  r = RunCommand(Batch("--collect " + Quote(out) + " --date " + kDate));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("missing"), std::string::npos) << r.out;
  // The rest: the bad item fails, nothing is missing.
  for (const char* shard : {"2/4", "3/4"}) {
    r = RunCommand(Batch(Quote(manifest) + " -o " + Quote(out) + " --shard " +
                         shard + " --date " + kDate));
    EXPECT_LE(r.exit_code, 1) << r.err;
  }
  r = RunCommand(Batch("--collect " + Quote(out) + " --date " + kDate));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("failed 1, missing 0"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("failed: bad"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("item bad failed"), std::string::npos) << r.err;
  const std::vector<std::string> merged = ListDir(out + "/collected");
  ASSERT_FALSE(merged.empty());
  for (const std::string& f : merged) {
    testing::ExpectValidTmxFile(out + "/collected/" + f);
  }
}

// Issue 27 item 1: a newline in the -o folder (or the working folder) ended
// a `#` comment or an #SBATCH line of the script, and the next line ran as
// a command when the job started. Each hostile path is refused; whatever
// script is written is run under bash as a task would run it, and must
// execute nothing but align.
TEST(SlurmCliTest, PathsCannotInjectCommandsIntoTheScript) {
  const std::string dir = MakeTempDir();
  const std::string manifest = WriteManifest(dir, false);
  const std::string task_env =
      "SLURM_ARRAY_TASK_ID=0 SLURM_ARRAY_TASK_COUNT=1 SLURM_ARRAY_TASK_MIN=0 "
      "SLURM_CPUS_PER_TASK=1 SLURM_JOB_ID=1 ";
  const std::string workdir = dir + "/w\ntouch PWNED-CHDIR";
  ASSERT_EQ(::mkdir(workdir.c_str(), 0777), 0);
  struct Case {
    std::string cd, output, script, why;
  };
  const std::vector<Case> cases = {
      {dir, dir + "/out\ntouch PWNED-OUTPUT\n#", dir + "/a.sh",
       "a control character (0x0A)"},
      {workdir, dir + "/out2", dir + "/b.sh", "a control character (0x0A)"},
      {dir, dir + "/out dir", dir + "/c.sh", "a space"},
      {dir, dir + "/out%j", dir + "/d.sh", "'%'"},
  };
  for (const Case& c : cases) {
    auto r = RunCommand("cd " + Quote(c.cd) + " && " +
                        Batch(Quote(manifest) + " -o " + Quote(c.output) +
                              " --slurm-script " + Quote(c.script) +
                              " --date " + kDate));
    EXPECT_EQ(r.exit_code, 2) << c.output << ": " << r.err;
    EXPECT_NE(r.err.find(c.why), std::string::npos) << r.err;
    EXPECT_FALSE(Exists(c.script)) << ReadFile(c.script);
    if (Exists(c.script)) {
      RunCommand("cd " + Quote(dir) + " && " + task_env + "bash " +
                 Quote(c.script) + " </dev/null");
    }
  }
  EXPECT_FALSE(Exists(dir + "/PWNED-OUTPUT"));
  EXPECT_FALSE(Exists(dir + "/PWNED-CHDIR"));
  EXPECT_FALSE(Exists(workdir + "/PWNED-CHDIR"));

  // Shell syntax in a path without control characters is quoted: the
  // script runs the batch and nothing else.
  const std::string odd = dir + "/it's $(touch PWNED-QUOTE).tsv";
  ASSERT_EQ(RunCommand("cp " + Quote(manifest) + " " + Quote(odd)).exit_code,
            0);
  auto r = RunCommand("cd " + Quote(dir) + " && " +
                      Batch(Quote(odd) + " -o " + Quote(dir + "/ok") +
                            " --slurm-script " + Quote(dir + "/ok.sh") +
                            " --date " + kDate));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunCommand("cd " + Quote(dir) + " && " + task_env + "bash " +
                 Quote(dir + "/ok.sh") + " </dev/null");
  EXPECT_LE(r.exit_code, 1) << r.err << ReadFile(dir + "/ok.sh");
  EXPECT_FALSE(Exists(dir + "/PWNED-QUOTE"));
  EXPECT_FALSE(ListDir(dir + "/ok/.done").empty());
}

// The last part of a log file, for a message.
std::string Tail(const std::string& path) {
  constexpr size_t kTailBytes = 2000;
  const std::string text = ReadFile(path);
  return text.size() > kTailBytes ? text.substr(text.size() - kTailBytes)
                                  : text;
}

// A single-node cluster in a scratch folder: munged, slurmctld, slurmd.
class LocalSlurm {
 public:
  // Polls of the node's state, half a second apart: a node comes up in
  // one to three seconds on a laptop; 60 leaves room for a loaded machine.
  static constexpr int kPolls = 60;
  // Polls a daemon has to write its pid file (five seconds).
  static constexpr int kPidFilePolls = 10;
  // How long one sinfo or scontrol call may wait for the controller: it
  // answers a local call in milliseconds when it is up.
  static constexpr int kSinfoSeconds = 5;

  explicit LocalSlurm(const std::string& dir) : dir_(dir) {}
  ~LocalSlurm() { Stop(); }

  // Starts the daemons; "" when the cluster is up, else why not.
  std::string Start() {
    for (const char* tool :
         {"munged", "slurmctld", "slurmd", "sbatch", "sinfo", "scontrol"}) {
      if (RunCommand(std::string("command -v ") + tool).exit_code != 0) {
        return std::string(tool) +
               " is not installed (Debian: munge slurmctld slurmd "
               "slurm-client)";
      }
    }
    if (::geteuid() != 0) return "the Slurm daemons need root here";
    RunCommand("mkdir -p " + Quote(dir_ + "/state") + " " +
               Quote(dir_ + "/spool") + " && head -c 1024 /dev/urandom > " +
               Quote(dir_ + "/munge.key") + " && chmod 600 " +
               Quote(dir_ + "/munge.key"));
    auto r = RunCommand(
        "munged -f --socket=" + dir_ + "/munge.sock" + " --key-file=" + dir_ +
        "/munge.key --log-file=" + dir_ + "/munged.log --pid-file=" + dir_ +
        "/munged.pid --seed-file=" + dir_ + "/munged.seed");
    if (r.exit_code != 0) return "munged did not start: " + r.err;
    munge_ = true;
    const std::string host = RunCommand("hostname -s").out;
    const int port = 20000 + static_cast<int>(::getpid() % 20000) / 2 * 2;
    WriteFile(
        dir_ + "/slurm.conf",
        "ClusterName=crossalign-test\nSlurmctldHost=" +
            host.substr(0, host.find('\n')) + "\nSlurmctldPort=" +
            std::to_string(port) + "\nSlurmdPort=" + std::to_string(port + 1) +
            "\nSlurmUser=root\nSlurmdUser=root\nAuthType=auth/munge\n"
            "AuthInfo=socket=" +
            dir_ + "/munge.sock\nCredType=cred/munge\nStateSaveLocation=" +
            dir_ + "/state\nSlurmdSpoolDir=" + dir_ +
            "/spool\nSlurmctldPidFile=" + dir_ +
            "/slurmctld.pid\nSlurmdPidFile=" + dir_ +
            "/slurmd.pid\nSlurmctldLogFile=" + dir_ +
            "/slurmctld.log\nSlurmdLogFile=" + dir_ +
            "/slurmd.log\nProctrackType=proctrack/linuxproc\n"
            "TaskPlugin=task/none\nSchedulerType=sched/builtin\n"
            "SelectType=select/cons_tres\nSelectTypeParameters=CR_CPU_Memory\n"
            "ReturnToService=2\nMpiDefault=none\nJobCompType=jobcomp/none\n"
            "AccountingStorageType=accounting_storage/none\n"
            "JobAcctGatherType=jobacct_gather/none\nNodeName=" +
            host.substr(0, host.find('\n')) +
            " CPUs=2 RealMemory=4096 State=UNKNOWN\n"
            "PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE "
            "State=UP\n");
    env_ = "SLURM_CONF=" + Quote(dir_ + "/slurm.conf") + " ";
    started_ = true;
    for (const char* daemon : {"slurmctld", "slurmd"}) {
      // The daemon forks into the background and its first process exits 0;
      // another exit code means it could not start.
      const std::string prefix = dir_ + "/" + daemon;
      if (RunCommand(env_ + daemon + " -f " + Quote(dir_ + "/slurm.conf") +
                     " > " + Quote(prefix + ".out") + " 2>&1")
              .exit_code != 0) {
        return std::string(daemon) +
               " did not start; its output: " + Tail(prefix + ".out") +
               "; its log: " + Tail(prefix + ".log");
      }
    }
    // Where the daemons cannot run (a chroot of a fresh Debian root) they
    // exit at once, and every sinfo would wait for a controller that is not
    // there (60 polls took 645 s): each poll first checks that both daemons
    // are alive, and sinfo gets a few seconds.
    for (int k = 0; k < kPolls; ++k) {
      for (const char* daemon : {"slurmctld", "slurmd"}) {
        // A daemon writes its pid file once it has forked into the
        // background; kPidFilePolls polls are its grace to do so.
        const std::string pid_file = dir_ + "/" + daemon + ".pid";
        const bool written = Exists(pid_file);
        if ((written &&
             RunCommand("kill -0 $(cat " + Quote(pid_file) + ") 2>/dev/null")
                     .exit_code != 0) ||
            (!written && k >= kPidFilePolls)) {
          return std::string(daemon) + " is not running (" +
                 (written ? "it exited" : "it wrote no pid file") +
                 "); its output: " + Tail(dir_ + "/" + daemon + ".out") +
                 "; its log: " + Tail(dir_ + "/" + daemon + ".log");
        }
      }
      auto s = RunCommand(env_ + "timeout " + std::to_string(kSinfoSeconds) +
                          " sinfo -h -o %t");
      if (s.exit_code == 0 && s.out.find("idle") != std::string::npos) {
        return "";
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
    return "the Slurm node did not come up; slurmctld.log: " +
           Tail(dir_ + "/slurmctld.log");
  }

  const std::string& env() const { return env_; }

  void Stop() {
    if (started_) {
      RunCommand(env_ + "timeout " + std::to_string(kSinfoSeconds) +
                 " scontrol shutdown 2>/dev/null");
      // Whatever did not stop: by the pid files, our own daemons only.
      for (const char* pid : {"/slurmd.pid", "/slurmctld.pid"}) {
        if (Exists(dir_ + pid)) {
          std::this_thread::sleep_for(std::chrono::milliseconds(500));
          RunCommand("kill $(cat " + Quote(dir_ + pid) + ") 2>/dev/null");
        }
      }
      started_ = false;
    }
    if (munge_) {
      RunCommand("munged --stop --socket=" + dir_ + "/munge.sock 2>/dev/null");
      munge_ = false;
    }
  }

 private:
  std::string dir_, env_;
  bool started_ = false, munge_ = false;
};

// The generated script submitted as a 4-task array over corpora/ items;
// the collected TMX files are byte-identical to a single-machine run's.
TEST(SlurmCliTest, EndToEndOnALocalCluster) {
  const std::string dir = MakeTempDir();
  LocalSlurm slurm(dir + "/slurm");
  RunCommand("mkdir -p " + Quote(dir + "/slurm"));
  const std::string why = slurm.Start();
  if (!why.empty()) {
    slurm.Stop();
    GTEST_SKIP() << "no local Slurm cluster: " << why;
  }
  const std::string manifest = WriteManifest(dir, false);
  const std::string out = dir + "/cluster";
  auto r = RunCommand(Batch(Quote(manifest) + " -o " + Quote(out) +
                            " --slurm-script " + Quote(dir + "/job.sh") +
                            " --array-tasks 4 --jobs 1 --date " + kDate));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunCommand(slurm.env() + "timeout 900 sbatch --wait " +
                 Quote(dir + "/job.sh"));
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err << ReadFile(dir + "/job.sh");
  std::vector<std::string> logs = ListDir(out + "/.slurm");
  EXPECT_EQ(logs.size(), 4u);  // one log per array task
  r = RunCommand(Batch("--collect " + Quote(out) + " --date " + kDate));
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("failed 0, missing 0"), std::string::npos) << r.out;

  const std::string single = dir + "/single";
  r = RunCommand(
      Batch(Quote(manifest) + " -o " + Quote(single) + " --date " + kDate));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunCommand(Batch("--collect " + Quote(single) + " --date " + kDate));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> merged = ListDir(single + "/collected");
  ASSERT_FALSE(merged.empty());
  EXPECT_EQ(ListDir(out + "/collected"), merged);
  for (const std::string& f : merged) {
    EXPECT_EQ(ReadFile(out + "/collected/" + f),
              ReadFile(single + "/collected/" + f))
        << f;
  }
}

// Issue 27 item 17: where the daemons cannot start, the end-to-end test
// waited 645 s for sinfo before it skipped. Daemons that exit at once (as in
// a chroot) are seen as such, with what they printed.
TEST(SlurmCliTest, LocalClusterSaysAtOnceWhyItCannotStart) {
  if (::geteuid() != 0) GTEST_SKIP() << "the Slurm daemons need root here";
  const std::string dir = MakeTempDir();
  const std::string bin = dir + "/bin";
  ASSERT_EQ(::mkdir(bin.c_str(), 0777), 0);
  for (const char* daemon : {"slurmctld", "slurmd"}) {
    WriteFile(bin + "/" + daemon,
              std::string("#!/bin/sh\necho \"") + daemon +
                  ": fatal: no cgroup here\" >&2\nexit 1\n");
  }
  // A controller that is not there: sinfo fails.
  WriteFile(bin + "/sinfo", "#!/bin/sh\nexit 1\n");
  ASSERT_EQ(RunCommand("chmod +x " + Quote(bin) + "/*").exit_code, 0);
  const std::string path = std::getenv("PATH") ? std::getenv("PATH") : "";
  ::setenv("PATH", (bin + ":" + path).c_str(), 1);
  std::string why;
  {
    LocalSlurm slurm(dir + "/slurm");
    RunCommand("mkdir -p " + Quote(dir + "/slurm"));
    why = slurm.Start();
  }
  ::setenv("PATH", path.c_str(), 1);
  if (why.rfind("munged", 0) == 0) GTEST_SKIP() << why;
  EXPECT_NE(why.find("slurmctld did not start"), std::string::npos) << why;
  EXPECT_NE(why.find("slurmctld: fatal: no cgroup here"), std::string::npos)
      << why;
}

}  // namespace
}  // namespace crossalign

package dev.ometriasync.benchmarks.soak;

import dev.ometriasync.benchmarks.support.Args;
import dev.ometriasync.benchmarks.support.Quiet;

/**
 * Runs the soak and exits 0 only when every check passed. One command from the repository root:
 * {@code benchmarks/run.sh soak --minutes 10} (see BENCHMARKS.md); {@code --help} lists the options.
 */
public final class SoakMain {

    private SoakMain() {
    }

    /** @param argv options, see {@link SoakOptions#HELP} */
    public static void main(String[] argv) throws Exception {
        Quiet.logging();
        Args args = new Args(argv);
        if (args.help()) {
            System.out.println(SoakOptions.HELP);
            return;
        }
        SoakOptions options = SoakOptions.parse(args);
        boolean passed = new SoakRun(options).run();
        System.out.flush();
        // Halt rather than wait for stray non-daemon threads (HTTP client, pools) of the embedded servers.
        Runtime.getRuntime().exit(passed ? 0 : 1);
    }
}

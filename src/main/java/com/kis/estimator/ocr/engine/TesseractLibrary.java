package com.kis.estimator.ocr.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;

import net.sourceforge.tess4j.TessAPI;

/**
 * Loads Debian's libtesseract once, through Tess4J's JNA interface (not its image helpers, which need a newer
 * Leptonica than Debian ships), after limiting OpenMP to one thread per engine.
 *
 * <p>Why the limit is set here too: libgomp reads {@code OMP_THREAD_LIMIT} when it is loaded, which is when
 * libtesseract is. Without it each engine spins up threads that fight the other engines for two cores, and a
 * page takes about five times as long. Setting it in the process environment just before the load makes the
 * limit hold however the JVM was started; a value set outside is left alone.
 */
final class TesseractLibrary {

    private static volatile TessAPI api;

    private TesseractLibrary() {
    }

    interface C extends Library {
        int setenv(String name, String value, int overwrite);

        String getenv(String name);
    }

    static synchronized TessAPI api() {
        if (api == null) {
            limitOpenMpThreads();
            try {
                api = TessAPI.INSTANCE;
                api.TessVersion();
            } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
                api = null;
                throw new OcrEngineUnavailable("Tesseract is not installed (libtesseract.so.5 not found); on Debian: "
                        + "apt-get install tesseract-ocr tesseract-ocr-kor tesseract-ocr-eng", e);
            }
        }
        return api;
    }

    static String version() {
        return api().TessVersion();
    }

    /** What OpenMP will see, read from the C environment (Java's copy is taken at start and never changes). */
    static String openMpThreadLimit() {
        return libc().getenv("OMP_THREAD_LIMIT");
    }

    private static void limitOpenMpThreads() {
        try {
            libc().setenv("OMP_THREAD_LIMIT", "1", 0);
        } catch (UnsatisfiedLinkError e) {
            // no libc to call: the environment the JVM was started with decides
        }
    }

    private static C libc() {
        return Native.load("c", C.class);
    }
}

import java.security.MessageDigest;

/**
 * A fixed amount of single-threaded JVM work (SHA-256 over 4 GiB), timed after a warm-up. The machines
 * here are shared and noisy, so start-up and test times are reported as multiples of this number measured in
 * the same run. Run with: java bench/Baseline.java
 */
public class Baseline {

    public static void main(String[] args) throws Exception {
        byte[] block = new byte[1 << 20];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) (i * 31);
        }
        hash(block, 64); // warm-up: let the JIT compile the digest loop
        long start = System.nanoTime();
        byte[] digest = hash(block, 4096);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println(millis + " " + Integer.toHexString(digest[0] & 0xff));
    }

    private static byte[] hash(byte[] block, int blocks) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < blocks; i++) {
            sha.update(block);
        }
        return sha.digest();
    }
}

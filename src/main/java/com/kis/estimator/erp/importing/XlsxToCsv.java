package com.kis.estimator.erp.importing;

import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * An XLSX export (its first sheet) as the CSV the import reads, streamed through the sheet's XML so that a large
 * workbook never sits in memory. Sheet row n becomes line n, so reports name the row Excel shows (a line break
 * inside a cell becomes a space to keep that so). Dates are written ISO (2026-01-31) and numbers plain, whatever
 * the cell's display format; a formula cell gives its last computed value.
 */
public final class XlsxToCsv {

    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private XlsxToCsv() {
    }

    /** Whether the file is a zip container (as XLSX files are) rather than text. */
    public static boolean isXlsx(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), ZIP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param maxSharedStrings the most bytes of shared strings (the workbook's text, which has to be held in memory)
     *                         read, counted as they are unpacked rather than as the zip declares them
     * @throws ImportRejected when the file is no readable workbook, or its shared strings are larger
     */
    public static void convert(Path xlsx, Path csv, long maxSharedStrings) {
        try (OPCPackage workbook = OPCPackage.open(xlsx.toFile(), PackageAccess.READ);
                BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            XSSFReader reader = new XSSFReader(workbook);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ImportRejected(0, null, "the workbook has no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                        sharedStrings(workbook, maxSharedStrings), new Rows(out), new PlainFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (ImportRejected e) {
            throw e;
        } catch (SharedStringsTooLarge e) {
            throw new ImportRejected(0, null, e.getMessage());
        } catch (UncheckedIOException e) {
            throw new ImportRejected(0, null, "the workbook cannot be read: " + e.getCause().getMessage());
        } catch (Exception e) {
            throw new ImportRejected(0, null, "the file is no readable XLSX workbook: " + e.getMessage());
        }
    }

    /**
     * The workbook's shared strings, which POI holds in memory: a small file could unpack into gigabytes of them (a
     * zip bomb, issue 23). They are read through a stream that stops at {@code max} bytes actually unpacked.
     */
    private static ReadOnlySharedStringsTable sharedStrings(OPCPackage workbook, long max) throws Exception {
        List<PackagePart> parts = workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return new ReadOnlySharedStringsTable(workbook);
        }
        try (InputStream unpacked = new AtMost(parts.get(0).getInputStream(), max)) {
            return new ReadOnlySharedStringsTable(unpacked);
        }
    }

    private static final class SharedStringsTooLarge extends IOException {
        SharedStringsTooLarge(long max) {
            super("the workbook's shared strings (its text) unpack to more than " + max + " bytes; at most that "
                    + "is read (kis.erp.max-shared-strings): split the export or export CSV");
        }
    }

    /** Reads at most {@code max} bytes of the stream, then refuses. */
    private static final class AtMost extends FilterInputStream {

        private final long max;
        private long read;

        AtMost(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws SharedStringsTooLarge {
            read += n;
            if (read > max) {
                throw new SharedStringsTooLarge(max);
            }
        }
    }

    /** Writes each sheet row as a CSV line, blank lines for rows the sheet skips. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final BufferedWriter out;
        private final List<String> cells = new ArrayList<>();
        private int nextRow;

        Rows(BufferedWriter out) {
            this.out = out;
        }

        @Override
        public void startRow(int rowNum) {
            try {
                for (; nextRow < rowNum; nextRow++) {
                    out.write('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            try {
                out.write(CsvLines.line(cells));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            nextRow = rowNum + 1;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value.replace('\r', ' ').replace('\n', ' '));
        }
    }

    /** Dates as ISO dates, other numbers plain: the import's parsers, not Excel's display formats, decide. */
    private static final class PlainFormatter extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString,
                boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime date = DateUtil.getLocalDateTime(value, use1904Windowing);
                return date.toLocalTime().toSecondOfDay() == 0 ? date.toLocalDate().toString() : date.toString();
            }
            return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        }
    }
}

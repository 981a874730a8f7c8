package io.chainlens.seed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.chainlens.seed.CsvRecords.Record;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CSV file is read record by record from its bytes: a record that cannot be read costs
 * that record only, with its line and reason, and never more memory than the limit.
 */
class CsvRecordsTest {

	private static List<Record> read(byte[] bytes, int maxChars) throws IOException {
		return read(new ByteArrayInputStream(bytes), maxChars);
	}

	private static List<Record> read(InputStream in, int maxChars) throws IOException {
		CsvRecords records = new CsvRecords(in, maxChars);
		List<Record> all = new ArrayList<>();
		Record record;
		while ((record = records.next()) != null) {
			all.add(record);
		}
		return all;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void readsQuotedCellsWithCommasQuotesAndLineBreaksAndSkipsCommentsAndBlankLines() throws IOException {
		byte[] bytes = utf8("\uFEFFid,name_zh,note\r\n# a \"comment\n\n a , \"旭日, \"\"光能\"\"\" ,\"two\nlines\"\nb,c,d");

		assertThat(read(bytes, 1000)).containsExactly(new Record(1, List.of("id", "name_zh", "note"), null),
				new Record(4, List.of("a", "旭日, \"光能\"", "two\nlines"), null),
				new Record(6, List.of("b", "c", "d"), null));
	}

	@Test
	void aLineThatIsNotUtf8IsReportedWithItsByteAndTheNextLinesAreRead() throws IOException {
		byte[] head = utf8("id,name\na,旭日\nb,");
		byte[] tail = utf8("x\nc,光能\n");
		byte[] bytes = new byte[head.length + 1 + tail.length];
		System.arraycopy(head, 0, bytes, 0, head.length);
		bytes[head.length] = (byte) 0xC3; // a lead byte without its continuation
		System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);

		assertThat(read(bytes, 1000)).containsExactly(new Record(1, List.of("id", "name"), null),
				new Record(2, List.of("a", "旭日"), null),
				new Record(3, null, "is not UTF-8 at byte " + head.length + " of the file (counted from 0)"),
				new Record(4, List.of("c", "光能"), null));
	}

	@Test
	void aCellOfMoreThanTwoGigabytesIsRefusedWithoutBeingHeldAndTheNextLineIsRead() throws IOException {
		long size = (long) Integer.MAX_VALUE + 100;
		InputStream huge = new InputStream() {
			long left = size;

			@Override
			public int read() {
				return left-- > 0 ? 'a' : -1;
			}

			@Override
			public int read(byte[] b, int off, int len) {
				if (left <= 0) {
					return -1;
				}
				int n = (int) Math.min(len, left);
				java.util.Arrays.fill(b, off, off + n, (byte) 'a');
				left -= n;
				return n;
			}
		};
		InputStream file = new SequenceInputStream(
				new SequenceInputStream(new ByteArrayInputStream(utf8("id,name\nx,")), huge),
				new ByteArrayInputStream(utf8("\ny,short\n")));

		assertThat(read(file, 100_000)).containsExactly(new Record(1, List.of("id", "name"), null),
				new Record(2, null,
						"is longer than 100000 characters (chainlens.import.max-line-length); nothing of it is read"),
				new Record(3, List.of("y", "short"), null));
	}

	@Test
	void aQuoteThatIsNotClosedCostsTheRestOfTheFileOnlyAndSaysSo() throws IOException {
		assertThat(read(utf8("id,name\na,\"open\nb,c\n"), 1000)).containsExactly(
				new Record(1, List.of("id", "name"), null),
				new Record(2, null, "has a quoted cell that is not closed before the end of the file"));
	}

	@Test
	void aQuoteInsideAnUnquotedCellIsText() throws IOException {
		assertThat(read(utf8("id,name\na,6\" wafer\nb,c\n"), 1000)).containsExactly(
				new Record(1, List.of("id", "name"), null), new Record(2, List.of("a", "6\" wafer"), null),
				new Record(3, List.of("b", "c"), null));
	}

}

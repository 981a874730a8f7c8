package io.chainlens.seed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a CSV file (RFC 4180, UTF-8) one record at a time from its bytes, so that a file
 * of any size is read in bounded memory and a record that cannot be read costs that
 * record only: each record is decoded on its own, strictly, and one that is not UTF-8,
 * longer than the limit or not closed is handed back with the reason instead of its
 * cells. Blank lines and lines starting with {@code #} are skipped; cells are trimmed; a
 * byte order mark at the start is dropped.
 */
final class CsvRecords {

	/**
	 * One record: the line it starts on and its cells, or why it cannot be read (then
	 * {@code cells} is null).
	 */
	record Record(long line, List<String> cells, String unreadable) {
	}

	private static final int CHUNK = 1 << 16;

	private final InputStream in;

	private final int maxChars;

	/**
	 * UTF-8 takes at most 4 bytes per character (a surrogate pair's two chars take 4), so
	 * a record of more bytes than this is longer than the limit whatever it holds.
	 */
	private final int maxBytes;

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private final byte[] chunk = new byte[CHUNK];

	private int chunkPos;

	private int chunkEnd;

	/** Bytes read before {@code chunk}[0]. */
	private long chunkOffset;

	private byte[] record = new byte[1024];

	private int recordLength;

	/** Physical lines consumed so far. */
	private long lines;

	private CharBuffer chars = CharBuffer.allocate(1024);

	CsvRecords(InputStream in, int maxChars) {
		this.in = in;
		this.maxChars = maxChars;
		this.maxBytes = (int) Math.min(Integer.MAX_VALUE - 16, 4L * maxChars);
	}

	/** The next record, or null at the end of the file. */
	Record next() throws IOException {
		while (true) {
			if (!fill()) {
				return null;
			}
			long line = lines + 1;
			long start = chunkOffset + chunkPos;
			recordLength = 0;
			boolean tooLong = false;
			int state = CELL_START;
			boolean comment = false;
			boolean atStart = true;
			boolean ended = false;
			while (!ended && fill()) {
				byte b = chunk[chunkPos++];
				if (atStart && b != ' ' && b != '\t') {
					// a comment is a line of its own whatever quotes it holds
					comment = b == '#';
					atStart = false;
				}
				if (b == '\n') {
					lines++;
				}
				if (comment) {
					ended = b == '\n';
				}
				else {
					state = next(state, b);
					ended = state == ENDED;
				}
				if (ended) {
					continue;
				}
				if (recordLength < maxBytes) {
					append(b);
				}
				else {
					// read on to the record's end, to go on with the next one
					tooLong = true;
				}
			}
			if (!ended) {
				// the last line of the file, without a line break
				lines++;
			}
			if (comment) {
				continue;
			}
			if (tooLong) {
				return new Record(line, null, "is longer than " + maxChars
						+ " characters (chainlens.import.max-line-length); nothing of it is read");
			}
			if (state == QUOTED) {
				return new Record(line, null, "has a quoted cell that is not closed before the end of the file");
			}
			int length = recordLength;
			if (length > 0 && record[length - 1] == '\r') {
				length--;
			}
			String text;
			try {
				text = decode(length, start);
			}
			catch (NotUtf8 ex) {
				return new Record(line, null, "is not UTF-8 at byte " + ex.at + " of the file (counted from 0)");
			}
			if (text.length() > maxChars) {
				return new Record(line, null, "is longer than " + maxChars
						+ " characters (chainlens.import.max-line-length); nothing of it is read");
			}
			if (text.isBlank()) {
				continue;
			}
			return split(line, text);
		}
	}

	private static final int CELL_START = 0;

	private static final int PLAIN = 1;

	private static final int QUOTED = 2;

	/** A quote inside a quoted cell: its end, or the first of two that stand for one. */
	private static final int QUOTE_IN_QUOTED = 3;

	private static final int ENDED = 4;

	/**
	 * Where a byte leaves the record: a quote is special only at the start of a cell (as
	 * in RFC 4180), a line break ends the record only outside quotes. Scanning bytes is
	 * safe in UTF-8: no byte of a multi-byte character is an ASCII quote, comma or line
	 * break.
	 */
	private static int next(int state, byte b) {
		return switch (state) {
			case CELL_START ->
				b == '"' ? QUOTED : b == '\n' ? ENDED : b == ',' || b == ' ' || b == '\t' ? CELL_START : PLAIN;
			case PLAIN -> b == '\n' ? ENDED : b == ',' ? CELL_START : PLAIN;
			case QUOTED -> b == '"' ? QUOTE_IN_QUOTED : QUOTED;
			default -> b == '"' ? QUOTED : b == '\n' ? ENDED : b == ',' ? CELL_START : PLAIN;
		};
	}

	private boolean fill() throws IOException {
		if (chunkPos < chunkEnd) {
			return true;
		}
		chunkOffset += chunkEnd;
		chunkPos = 0;
		chunkEnd = 0;
		int n;
		do {
			n = in.read(chunk);
		}
		while (n == 0);
		if (n < 0) {
			return false;
		}
		chunkEnd = n;
		if (chunkOffset == 0 && n >= 3 && chunk[0] == (byte) 0xEF && chunk[1] == (byte) 0xBB
				&& chunk[2] == (byte) 0xBF) {
			// the byte order mark some editors write
			chunkPos = 3;
		}
		return true;
	}

	private void append(byte b) {
		if (recordLength == record.length) {
			record = Arrays.copyOf(record, (int) Math.min(maxBytes, 2L * record.length));
		}
		record[recordLength++] = b;
	}

	private static final class NotUtf8 extends Exception {

		final long at;

		NotUtf8(long at) {
			super(null, null, false, false);
			this.at = at;
		}

	}

	private String decode(int length, long fileOffset) throws NotUtf8 {
		if (chars.capacity() < length) {
			chars = CharBuffer.allocate(Math.max(length, 2 * chars.capacity()));
		}
		chars.clear();
		ByteBuffer bytes = ByteBuffer.wrap(record, 0, length);
		decoder.reset();
		CoderResult result = decoder.decode(bytes, chars, true);
		if (result.isError()) {
			throw new NotUtf8(fileOffset + bytes.position());
		}
		result = decoder.flush(chars);
		if (result.isError()) {
			throw new NotUtf8(fileOffset + bytes.position());
		}
		chars.flip();
		return chars.toString();
	}

	/** Splits a decoded record into trimmed cells, RFC 4180 style. */
	private static Record split(long line, String text) {
		List<String> cells = new ArrayList<>();
		int i = 0;
		int n = text.length();
		while (true) {
			while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
				i++;
			}
			if (i < n && text.charAt(i) == '"') {
				StringBuilder cell = new StringBuilder();
				i++;
				while (true) {
					int quote = text.indexOf('"', i);
					// the reader ends a record only with its quotes closed
					cell.append(text, i, quote);
					i = quote + 1;
					if (i < n && text.charAt(i) == '"') {
						cell.append('"');
						i++;
					}
					else {
						break;
					}
				}
				while (i < n && text.charAt(i) <= ' ') {
					i++;
				}
				cells.add(cell.toString().trim());
				if (i == n) {
					return new Record(line, cells, null);
				}
				if (text.charAt(i) != ',') {
					return new Record(line, null, "has text after the closing quote of cell " + cells.size());
				}
				i++;
			}
			else {
				int comma = text.indexOf(',', i);
				int end = comma < 0 ? n : comma;
				cells.add(text.substring(i, end).trim());
				if (comma < 0) {
					return new Record(line, cells, null);
				}
				i = comma + 1;
			}
		}
	}

}

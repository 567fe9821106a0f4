package dev.fapiaoflow.reporting;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The CSV export read back: per block title ("section / table") its rows, each as header → cell. */
record ReportCsv(Map<String, List<Map<String, String>>> blocks) {

    static ReportCsv parse(String csv) throws IOException {
        String body = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<CSVRecord> records = CSVFormat.EXCEL.builder().get().parse(new StringReader(body)).getRecords();
        Map<String, List<Map<String, String>>> blocks = new LinkedHashMap<>();
        int i = 2; // range row and blank row
        while (i < records.size()) {
            String title = records.get(i).get(0);
            List<String> header = records.get(i + 1).toList();
            List<Map<String, String>> rows = new ArrayList<>();
            i += 2;
            while (i < records.size() && !(records.get(i).size() == 1 && records.get(i).get(0).isEmpty())) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    row.put(header.get(c), records.get(i).get(c));
                }
                rows.add(row);
                i++;
            }
            blocks.put(title, rows);
            i++;
        }
        return new ReportCsv(blocks);
    }

    /** the row of a block whose first cell is the given text */
    Map<String, String> row(String block, String first) {
        List<Map<String, String>> rows = blocks.get(block);
        if (rows == null) {
            throw new AssertionError("no block " + block + " in " + blocks.keySet());
        }
        return rows.stream().filter(row -> row.values().iterator().next().equals(first)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + first + " in " + block + ": " + rows));
    }

    /** a row of a block matched on its first two cells (month and type, say) or empty when missing */
    Map<String, String> rowOrEmpty(String block, String first, String second) {
        return blocks.getOrDefault(block, List.of()).stream().filter(row -> {
            var cells = new ArrayList<>(row.values());
            return cells.get(0).equals(first) && cells.get(1).equals(second);
        }).findFirst().orElse(Map.of());
    }
}

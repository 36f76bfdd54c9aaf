package org.mcpcatalogue.classify;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mcpcatalogue.model.Category;

/** Agreement of the classifier with the labelled set, printed as a report. */
final class AccuracyReport {

    record Miss(LabelledSet.Entry entry, Verdict verdict) {
    }

    final int total;
    final int agreed;
    final int hardTotal;
    final int hardAgreed;
    final List<Miss> misses;
    final Map<Category, Map<Category, Integer>> confusion = new EnumMap<>(Category.class);

    AccuracyReport(Classifier classifier, List<LabelledSet.Entry> entries) {
        int a = 0;
        int h = 0;
        int ha = 0;
        List<Miss> m = new java.util.ArrayList<>();
        for (LabelledSet.Entry e : entries) {
            Verdict v = classifier.classify(e.tool());
            confusion.computeIfAbsent(e.label(), k -> new EnumMap<>(Category.class)).merge(v.category(), 1, Integer::sum);
            boolean ok = v.category() == e.label();
            if (ok) {
                a++;
            } else {
                m.add(new Miss(e, v));
            }
            if (e.hard()) {
                h++;
                if (ok) {
                    ha++;
                }
            }
        }
        total = entries.size();
        agreed = a;
        hardTotal = h;
        hardAgreed = ha;
        misses = List.copyOf(m);
    }

    double agreement() {
        return agreed / (double) total;
    }

    String render() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("agreement: %d/%d = %.1f%% (hard %d/%d, other %d/%d)%n", agreed, total, 100 * agreement(),
                hardAgreed, hardTotal, agreed - hardAgreed, total - hardTotal));
        b.append("confusion (label -> verdict):\n");
        for (var row : confusion.entrySet()) {
            b.append("  ").append(row.getKey().label()).append(": ").append(row.getValue()).append('\n');
        }
        b.append("disagreements:\n");
        for (Miss miss : misses) {
            b.append(String.format("  %-55s label %-11s verdict %-11s %s%n", miss.entry().id(), miss.entry().label().label(),
                    miss.verdict().category().label(), miss.verdict().signals().isEmpty() ? "" : miss.verdict().signals().get(0)));
        }
        return b.toString();
    }
}

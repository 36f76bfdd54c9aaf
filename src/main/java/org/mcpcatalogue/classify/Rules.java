package org.mcpcatalogue.classify;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mcpcatalogue.model.Category;
import org.mcpcatalogue.model.RiskLevel;

/**
 * The classification rulebook, as read from {@code catalogue/rules/classification.yaml}. See that file for
 * what each part means; {@link RulesLoader} checks it.
 */
public record Rules(Map<Category, Integer> baseScores, int maxScore, Map<String, Category> verbs,
                    Set<String> compounds, Set<String> actionFields, List<ObjectRule> objects, List<PhraseRule> phrases, List<FieldRule> fields,
                    int minDescription, int thinDocsScore, List<ServerRule> serverRules, Poisoning poisoning,
                    Flows flows, Levels levels, CallerCode callerCode, Senses senses) {

    /**
     * Classifier v2's finer readings of a name and a description: words that are as often nouns as verbs, the
     * head nouns that decide a name with no verb, description phrases that cap a category, and operation values
     * that name no operation of the tool itself.
     */
    public record Senses(Set<String> weakVerbs, List<NounRule> nouns, List<CapRule> caps, Set<String> actionIgnore,
                         List<ComboRule> combos, Map<String, Category> descriptionVerbs, Optional<Pattern> actionFilters) {
    }

    /**
     * Input fields that together say what a tool does: one property named from each of {@code allOf} raises a
     * category in {@code from} (or an unknown one) to {@code category}.
     */
    public record ComboRule(Category category, String why, Set<Category> from, List<Set<String>> allOf) {
    }

    /**
     * A name with no verb whose last word is one of {@code nouns} gets {@code category}; failing that, the nearest
     * earlier word of the name that is one ({@code maps_direction_walking}).
     */
    public record NounRule(Category category, String why, Set<String> nouns) {
    }

    /** A description phrase that lowers a category in {@code from} to {@code category}. */
    public record CapRule(Set<Category> from, Category category, String why, List<Pattern> patterns) {
    }

    /**
     * A verb acting on one of the nouns gives {@code category}. With {@code anyWord} false the noun must be
     * the head of the name (its last word or last two words); with true it may be any later word.
     */
    public record ObjectRule(Category category, String why, Set<String> verbs, Set<String> nouns, boolean anyWord) {
    }

    /**
     * A description phrase that raises the category. With {@code from} not empty, only a category in it (or an
     * unknown one) is raised: a phrase about money in a {@code get_…} tool's description mentions it in passing.
     */
    public record PhraseRule(Category category, String why, Set<Category> from, List<Pattern> patterns) {
    }

    /**
     * An input-schema field that adds a signal (and maybe raises the category). {@code except} lists property
     * names (lower-case, words joined by "_") that never match, e.g. {@code assigned_to} for a recipient.
     */
    public record FieldRule(String signal, String detail, Set<String> names, Set<String> types,
                            Optional<Category> category, Set<Category> onlyFor, int score, Set<String> except) {
    }

    /** A server tag that raises the category of tools with one of the verbs. */
    public record ServerRule(String tag, Set<String> verbs, Category category, String why) {
    }

    /** Poisoning patterns, the cue model and limits. */
    public record Poisoning(int score, int maxDescription, List<PoisonPattern> patterns, Cues cues, Exemptions exemptions) {
    }

    /**
     * What the poisoning scan deliberately leaves quiet (docs/classification.md, "What is not flagged").
     *
     * @param negation    matched against the start of the sentence up to a {@code negatable} pattern's match: a
     *                    negation or avoidance just before it ("Don't use this tool without checking with the user")
     *                    puts the match in its scope, so it asks for the opposite of the attack
     * @param breaks      words between the negation and the match that end its scope ("do not worry and send …",
     *                    "don't forget to send …")
     * @param flagWords   a member name of at most this many words is read as an option flag of the tool
     *                    ({@code skipConfirmation}) by the patterns that apply to all texts; {@code in: names}
     *                    patterns and the cue model still read it
     * @param routing     a sentence that says when to use this very tool (a routing hint, not a trigger)
     * @param unlessCues  cues of the cue model that keep a sibling reference or a routing hint a finding (a secret,
     *                    the conversation, a destination)
     */
    public record Exemptions(Pattern negation, Pattern breaks, int flagWords, Pattern routing, List<String> unlessCues) {
    }

    /**
     * The cue model of the poisoning scan: each sentence of a text scores the sum of the weights of the cues it
     * shows (each cue counted once); a sentence that reaches {@code threshold} is a finding. Names, enum values,
     * defaults, examples and constants (where an identifier belongs) use {@code identifierThreshold}, and there a
     * text of at least {@code sentenceWords} words adds {@code sentenceWeight}. A sentence of more than
     * {@code longSentenceWords} words (a list or code sample the cutter could not split) needs one more.
     */
    public record Cues(int threshold, int identifierThreshold, int longSentenceWords, int sentenceWords, int sentenceWeight, List<Cue> cues) {
    }

    /**
     * One cue: what it shows (shown in a finding), its weight, the words and phrases (lower case, words split as
     * {@link CueModel#words(String)} splits them) any of which shows it, and the patterns any of which shows it.
     * Words are looked up in a set, far cheaper than a pattern; patterns are for what words cannot say.
     */
    public record Cue(String name, int weight, Set<String> words, List<Pattern> patterns, List<Pattern> otherScripts) {
    }

    /**
     * Whether a pattern is written only in scripts other than ASCII: no ASCII letter or digit and no backslash
     * escape. Such a pattern needs a character outside ASCII to match, so a text of plain ASCII (nearly every
     * text) skips it.
     */
    static boolean otherScriptsOnly(String regex) {
        boolean foreign = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '\\')) {
                return false;
            }
            foreign |= c >= 128;
        }
        return foreign;
    }

    /**
     * One poisoning pattern.
     *
     * @param in where it applies: {@code all} texts the model sees, only {@code names} (parameter and property
     *           names, read with {@code _}, {@code -} and camelCase turned into spaces), or only {@code text}
     *           (every string that is not a name)
     * @param negatable whether a negation just before the match ({@link Exemptions#negation()}) turns it benign
     * @param unless    matched against the match's sentence: when it matches, the
     *                  match is the benign reading this pattern is known to meet (a noun phrase, an example or a
     *                  default value, a note on one action); the cue model still reads the text. Absent: never
     */
    public record PoisonPattern(String why, Pattern pattern, String in, boolean otherScripts, boolean negatable,
                                java.util.Optional<Pattern> unless) {
        public PoisonPattern(String why, Pattern pattern, String in, boolean negatable) {
            this(why, pattern, in, otherScriptsOnly(pattern.pattern()), negatable, java.util.Optional.empty());
        }

        public PoisonPattern(String why, Pattern pattern, String in, boolean negatable, java.util.Optional<Pattern> unless) {
            this(why, pattern, in, otherScriptsOnly(pattern.pattern()), negatable, unless);
        }

        public static final java.util.List<String> SCOPES = java.util.List.of("all", "names", "text");

        boolean appliesTo(boolean name) {
            return in.equals("all") || in.equals(name ? "names" : "text");
        }
    }

    /** Nouns and verbs that put a tool in one of the three roles of a toxic flow. */
    public record Flows(Set<String> untrustedNouns, Set<String> untrustedVerbs, Set<String> privateNouns,
                        Set<String> outboundVerbs) {
    }

    /**
     * The risk level as a function of the score ({@code byScore}, index = score), with a floor per category and
     * one for a poisoning finding.
     */
    public record Levels(List<RiskLevel> byScore, Map<Category, RiskLevel> floors, RiskLevel poisoning) {
        public Levels {
            byScore = List.copyOf(byScore);
            floors = Map.copyOf(floors);
        }

        /** The level of a score (1 to the highest score). */
        public RiskLevel of(int score) {
            return byScore.get(score - 1);
        }

        public int maxScore() {
            return byScore.size();
        }

        /**
         * The lowest score a tool whose level floor is {@code floor} may show without breaking the order of the
         * catalogue: the score s where the next score s+1 already reaches the floor (or the highest score). With
         * it, any tool of a higher score shows at least this tool's level.
         */
        public int coherentScore(RiskLevel floor) {
            for (int s = 1; s < maxScore(); s++) {
                if (of(s + 1).compareTo(floor) >= 0) {
                    return s;
                }
            }
            return maxScore();
        }

        /** The lowest score that shows {@code level}, or the highest score when none reaches it. */
        public int lowestScoreOf(RiskLevel level) {
            for (int s = 1; s <= maxScore(); s++) {
                if (of(s).compareTo(level) >= 0) {
                    return s;
                }
            }
            return maxScore();
        }
    }

    /**
     * Tools that run code, commands, scripts or queries the caller writes: Critical ({@code score}) and blocked.
     * See {@code caller_code} in the rules file.
     */
    public record CallerCode(int score, String why, Set<String> fields, Pattern executed, Set<String> genericFields,
                             Pattern language, Set<String> verbs, Set<String> nouns, List<Pattern> phrases, Pattern unless) {
    }

    public Optional<Category> verb(String word) {
        return Optional.ofNullable(verbs.get(word));
    }

    public int base(Category category) {
        return baseScores.get(category);
    }
}

package org.mcpcatalogue.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.model.Category;

/**
 * The mechanisms classifier v3 added: description-only verbs ("Returns …"), a noun anywhere in a name with no verb,
 * an operation value read with the tool's object, operation fields that only filter, one-field combos (a delete
 * option, a local output path), two-letter field words matched whole, and the general rules written with them. The
 * tools are shaped on real tools of the DEV split of src/test/resources/classify/labelled-catalogue.yaml (never the
 * holdout); each assertion failed before the change that added its rule.
 */
class ClassifierV3Test {

    private static final Classifier CLASSIFIER = new Classifier(RulesLoader.load(Path.of(RulesLoader.REPOSITORY_PATH)));

    private static Verdict classify(String json) {
        return CLASSIFIER.classify(ToolJson.read(JsonText.parse(json), "test"));
    }

    private static Verdict tool(String name, String description) {
        return classify("{\"name\": \"" + name + "\", \"description\": \"" + description + "\"}");
    }

    private static Verdict tool(String name, String description, String properties) {
        return classify("{\"name\": \"" + name + "\", \"description\": \"" + description
                + "\", \"inputSchema\": {\"type\": \"object\", \"properties\": " + properties + "}}");
    }

    private static void hasSignal(Verdict v, String source, String text) {
        assertTrue(v.signals().stream().anyMatch(s -> s.source().equals(source) && s.detail().contains(text)),
                "no " + source + " signal containing \"" + text + "\" in " + v.signals());
    }

    @Test
    void aDescriptionThatStartsWithReturnsReads() {
        Verdict logs = tool("mongodb-logs", "Returns the most recent logged mongod events");
        assertEquals(Category.READ, logs.category());
        hasSignal(logs, "description", "the description starts with \"return\"");
        assertEquals(Category.READ, tool("supported_languages", "Return the list of languages Semgrep supports").category());
        // Only where a description starts: in a name, "return" is no verb (a shop's return_order is not a read).
        Verdict name = tool("return_order", "");
        assertEquals(Category.WRITE, name.category());
        assertEquals(Confidence.LOW, name.confidence());
    }

    @Test
    void aNameWithNoVerbMayNameItsDataInAnyWord() {
        Verdict walking = tool("maps_direction_walking", "步行路径规划 API");
        assertEquals(Category.READ, walking.category());
        hasSignal(walking, "name", "its noun \"direction\"");
        Verdict weather = tool("maps_weather", "根据城市名称查询指定城市的天气");
        assertEquals(Category.READ, weather.category());
        hasSignal(weather, "name", "its head noun \"weather\"");
    }

    @Test
    void anOperationValueActsOnTheToolsObject() {
        String aliasAction = "{\"action\": {\"type\": \"string\", \"enum\": [\"add\", \"remove\", \"list\"]}}";
        Verdict alias = tool("ssh_alias", "Manages local name aliases for configured servers.", aliasAction);
        assertEquals(Category.WRITE, alias.category());
        hasSignal(alias, "schema", "\"remove\" on \"alias\" is Write");
        // The same operation on an object that no rule softens stays the worst operation.
        assertEquals(Category.DESTRUCTIVE, tool("ssh_key_manage", "Manages SSH host key fingerprints.", aliasAction).category());
    }

    @Test
    void aModeFieldChoosesAnOperation() {
        String modes = "{\"mode\": {\"type\": \"string\", \"enum\": [\"list\", \"create\", \"delete\", \"verify\"]}}";
        assertEquals(Category.DESTRUCTIVE, tool("git_tag", "Manage tags: list all tags, create a new tag, delete a tag.", modes).category());
        String rebase = "{\"mode\": {\"type\": \"string\", \"enum\": [\"start\", \"continue\", \"abort\", \"skip\"]}}";
        assertEquals(Category.WRITE, tool("git_rebase", "Rebase the current branch onto another branch.", rebase).category());
    }

    @Test
    void anOperationFieldThatFiltersAReadIsNoOperation() {
        String filter = "{\"action\": {\"type\": \"string\", \"description\": \"Return entities for the specified action.\","
                + " \"enum\": [\"chargeback\", \"credit\", \"refund\"]}}";
        assertEquals(Category.READ, tool("list_adjustments", "This tool will list adjustments in Paddle.", filter).category());
        String operation = "{\"action\": {\"type\": \"string\", \"enum\": [\"credit\", \"refund\"]}}";
        assertEquals(Category.FINANCIAL, tool("adjustments", "Adjust a transaction.", operation).category());
    }

    @Test
    void aDeleteOrDropOptionIsTheWorstReachableOperation() {
        String drop = "{\"collection\": {\"type\": \"string\"}, \"newName\": {\"type\": \"string\"},"
                + " \"dropTarget\": {\"type\": \"boolean\", \"description\": \"If true, drops the target collection if it exists\"}}";
        Verdict rename = tool("rename-collection", "Renames a collection in a MongoDB database", drop);
        assertEquals(Category.DESTRUCTIVE, rename.category());
        hasSignal(rename, "schema", "fields \"dropTarget\"");
        assertEquals(Category.WRITE, tool("rename-collection", "Renames a collection in a MongoDB database",
                "{\"collection\": {\"type\": \"string\"}, \"newName\": {\"type\": \"string\"}}").category());
        // A read with the same option as a filter is not raised: the combo raises only a Write.
        assertEquals(Category.READ, tool("query_pages", "Query pages of a data source",
                "{\"in_trash\": {\"type\": \"boolean\"}}").category());
    }

    @Test
    void aLocalOutputPathMakesADownloadWriteAFile() {
        Verdict download = tool("gnfd_download_object", "Download an object from a bucket",
                "{\"objectName\": {\"type\": \"string\"}, \"targetPath\": {\"type\": \"string\"}}");
        assertEquals(Category.WRITE, download.category());
        hasSignal(download, "schema", "\"targetPath\"");
        assertEquals(Category.READ, tool("gnfd_get_object", "Download an object from a bucket",
                "{\"objectName\": {\"type\": \"string\"}}").category());
    }

    @Test
    void aTwoLetterFieldWordNamesARecipientOnlyWhole() {
        assertEquals(Category.WRITE, tool("update_discount", "This tool will update a discount in Paddle by its ID.",
                "{\"amount\": {\"type\": \"string\"}, \"restrictTo\": {\"type\": \"array\"}}").category());
        assertEquals(Category.FINANCIAL, tool("create_thing", "Create a thing.",
                "{\"amount\": {\"type\": \"string\"}, \"to\": {\"type\": \"string\"}}").category());
    }

    @Test
    void creatingAnOrderIsATradeOnlyWithASideAnInstrumentAndAQuantity() {
        assertEquals(Category.WRITE, tool("woo_orders_create", "Create a new order",
                "{\"orderData\": {\"type\": \"object\"}}").category());
        assertEquals(Category.FINANCIAL, tool("create_order", "Create an order on the exchange",
                "{\"symbol\": {\"type\": \"string\"}, \"side\": {\"type\": \"string\"}, \"quantity\": {\"type\": \"number\"}}")
                .category());
        assertEquals(Category.FINANCIAL, tool("place_order", "Place the order using a saved card.").category());
    }

    @Test
    void aPurchaseSomeoneMakesLaterMovesNoMoney() {
        assertEquals(Category.WRITE, tool("create_address", "This tool will create a new address for a customer in Paddle."
                + " Customers must have an address to make a purchase.").category());
        assertEquals(Category.FINANCIAL, tool("process", "Process a refund for a captured payment").category());
    }

    @Test
    void moneyNamedWithOtherVerbs() {
        assertEquals(Category.FINANCIAL, tool("clawnch_claim_fees", "Claim accrued fee-share fees for a token you launched.")
                .category());
        assertEquals(Category.FINANCIAL, tool("activate_subscription", "This tool will activate a trialing subscription.")
                .category());
    }

    @Test
    void sessionPlumbingReads() {
        assertEquals(Category.READ, tool("connect", "Connect to a MongoDB instance and get back a connectionId.").category());
        assertEquals(Category.READ, tool("kubectl_reconnect", "Reconnect to the Kubernetes API server.").category());
        assertEquals(Category.READ, tool("clear-cache", "Clear CCXT cache").category());
        assertEquals(Category.READ, tool("set-log-level", "Set logging level").category());
        assertEquals(Category.READ, tool("set_active_account", "Set active account for tool calls").category());
        assertEquals(Category.WRITE, tool("set_active_account", "Set the account's active flag").category());
        assertEquals(Category.READ, tool("new_page", "Open a new page").category());
        assertEquals(Category.READ, tool("playwright_go_forward", "Navigate forward in browser history").category());
    }

    @Test
    void verbSensesByObject() {
        assertEquals(Category.WRITE, tool("browser_select_option", "Select an option in a dropdown").category());
        assertEquals(Category.WRITE, tool("puppeteer_select", "Select an element on the page with Select tag").category());
        assertEquals(Category.WRITE, tool("apply_theme", "Apply a theme preset to the project").category());
        assertEquals(Category.READ, tool("generate_typescript_types", "Generates TypeScript types from the database schema")
                .category());
        assertEquals(Category.READ, tool("aggregate", "Run an aggregation against a MongoDB collection").category());
        assertEquals(Category.READ, tool("perplexity_ask", "Answer a question using web-grounded AI.").category());
        assertEquals(Category.WRITE, tool("ask_human", "Ask a human operator a question and wait for the answer.").category());
    }

    @Test
    void paidGenerationAndDeepResearchExecute() {
        assertEquals(Category.EXECUTE, tool("generate_sound_effect", "Generate sound effects from text descriptions").category());
        assertEquals(Category.EXECUTE, tool("generate_hunyuan3d_model", "Generate 3D asset via Hunyuan3D").category());
        assertEquals(Category.EXECUTE, tool("perplexity_research", "Conduct deep, multi-source research on a topic.").category());
        // The fixed point: an image generator with no paid-inference tag stays Write.
        assertEquals(Category.WRITE, tool("generate_image", "Generate an image from a text prompt using Flux model").category());
    }

    @Test
    void demonstrationsListsAndDragAndDropAreMild() {
        assertEquals(Category.READ, tool("trigger-long-running-operation", "Demonstrates a long running operation.").category());
        assertEquals(Category.READ, tool("toggle-simulated-logging", "Toggles simulated, random-leveled logging on or off.")
                .category());
        assertEquals(Category.WRITE, tool("zia_delete_auth_exempt_urls",
                "Delete URLs from ZIA authentication exempt list (destructive operation)").category());
        assertEquals(Category.DESTRUCTIVE, tool("zia_delete_rule", "Delete a firewall rule").category());
        assertEquals(Category.WRITE, tool("browser_drop", "Drop files or MIME-typed data onto an element.").category());
        assertEquals(Category.EXECUTE, tool("complete_database_migration", "Apply finalised migrations").category());
    }

    @Test
    void sessionsBackupsAndGitSenses() {
        assertEquals(Category.DESTRUCTIVE, tool("ssh_backup_restore", "Restores a previously created backup identified by backupId.")
                .category());
        assertEquals(Category.DESTRUCTIVE, tool("ssh_backup_create", "Creates a database backup on the remote server. After"
                + " writing it prunes backups older than retention days (default 7).").category());
        assertEquals(Category.WRITE, tool("ssh_backup_create", "Creates a database backup on the remote server.").category());
        assertEquals(Category.WRITE, tool("git_fetch", "Fetch updates from a remote repository.").category());
        assertEquals(Category.READ, tool("fetch_html", "Fetch a website and return its contents as HTML").category());
        assertEquals(Category.READ, tool("clear_codegen_session", "Clear a code generation session without generating a test")
                .category());
        assertEquals(Category.WRITE, tool("ssh_session_start", "Opens a new persistent interactive shell on the named server.")
                .category());
        assertEquals(Category.WRITE, tool("provision_neon_auth", "Set up authentication infrastructure").category());
        assertEquals(Category.READ, tool("resolve_option_conid", "Resolve a specific option contract conid.").category());
        // "network_request" is a compound noun: the tool returns a request it saw, it sends none.
        assertEquals(Category.READ, tool("browser_network_request", "Returns full details of a single network request.")
                .category());
    }
}

{#-
    How much of each report the build placed: the tables read and their families, and the
    fate of every table-shaped line (a label followed by two or more numbers, or numbers
    alone): placed in a table, an indicator table or a reviewed value, or rejected with a
    reason (dq_ingest_rejects). A report that could not be read at all, a quarantined one,
    one with table-shaped lines and nothing placed (or with nothing at all to place: no
    table, indicator or status item), and a truncated table are warnings.
-#}
with

reports as (

    select * from {{ ref('stg_reports') }}

),

status as (

    select * from {{ ref('int_report_status') }}

),

tables as (

    select * from {{ ref('int_report_tables') }}

),

lines as (

    select * from {{ ref('stg_line_coverage') }}

),

rejects as (

    select * from {{ ref('stg_ingest_rejects') }}

),

indicator_rows as (

    select * from {{ ref('stg_indicator_rows') }}

),

status_items as (

    select * from {{ ref('stg_status_items') }}

),

read_counts as (

    select report_id, count(*) as items_read
    from (
        select report_id from indicator_rows
        union all
        select report_id from status_items
    )
    group by report_id

),

table_counts as (

    select
        report_id,
        count(*) as tables_read,
        string_agg(distinct table_family, ', ' order by table_family) as table_families,
        count(*) filter (where table_family = 'generic') as generic_tables,
        count(*) filter (where truncation is not null) as truncated_tables,
        string_agg(
            table_id || ' (line ' || title_line || '): ' || truncation, '; ' order by title_line
        ) filter (where truncation is not null) as truncation_detail
    from tables
    group by report_id

),

line_counts as (

    select
        report_id,
        count(*) as table_shaped_lines,
        count(*) filter (where outcome = 'placed') as lines_placed,
        count(*) filter (where outcome = 'rejected') as lines_rejected
    from lines
    group by report_id

),

loaded as (

    select
        reports.report_id,
        reports.file_name,
        status.load_status,
        coalesce(table_counts.tables_read, 0) as tables_read,
        table_counts.table_families,
        coalesce(table_counts.generic_tables, 0) as generic_tables,
        coalesce(table_counts.truncated_tables, 0) as truncated_tables,
        coalesce(line_counts.table_shaped_lines, 0) as table_shaped_lines,
        coalesce(line_counts.lines_placed, 0) as lines_placed,
        coalesce(line_counts.lines_rejected, 0) as lines_rejected,
        status.breach_count as rule_breaches,
        nullif(concat_ws(
            '; ',
            case when status.load_status = 'quarantined'
                then 'quarantined: ' || status.breach_count
                    || ' rule breaches (dq_quarantined_reports)' end,
            case when line_counts.table_shaped_lines > 0 and line_counts.lines_placed = 0
                then 'nothing placed from ' || line_counts.table_shaped_lines
                    || ' table-shaped lines' end,
            case when coalesce(line_counts.table_shaped_lines, 0) = 0
                    and table_counts.tables_read is null and read_counts.items_read is null
                then 'nothing placed: no table, indicator or status item in its '
                    || reports.line_count || ' lines (is it the whole report?)' end,
            case when table_counts.truncated_tables > 0
                then 'truncated: ' || table_counts.truncation_detail end,
            case when line_counts.lines_rejected > 0
                then line_counts.lines_rejected || ' table-shaped lines rejected (dq_ingest_rejects)'
            end
        ), '') as warning
    from reports
    inner join status on reports.report_id = status.report_id
    left join table_counts on reports.report_id = table_counts.report_id
    left join line_counts on reports.report_id = line_counts.report_id
    left join read_counts on reports.report_id = read_counts.report_id

),

not_loaded as (

    select
        report_id,
        file_name,
        'rejected' as load_status,
        0 as tables_read,
        cast(null as varchar) as table_families,
        0 as generic_tables,
        0 as truncated_tables,
        0 as table_shaped_lines,
        0 as lines_placed,
        0 as lines_rejected,
        0 as rule_breaches,
        reason as warning
    from rejects
    where report_id not in (select reports.report_id from reports)
    qualify row_number() over (partition by report_id order by file_name, source_line) = 1

),

unioned as (

    select * from loaded
    union all by name
    select * from not_loaded

),

final as (

    select
        report_id,
        file_name,
        load_status,
        cast(tables_read as bigint) as tables_read,
        table_families,
        cast(generic_tables as bigint) as generic_tables,
        cast(truncated_tables as bigint) as truncated_tables,
        cast(table_shaped_lines as bigint) as table_shaped_lines,
        cast(lines_placed as bigint) as lines_placed,
        cast(lines_rejected as bigint) as lines_rejected,
        cast(rule_breaches as bigint) as rule_breaches,
        warning
    from unioned

)

select * from final

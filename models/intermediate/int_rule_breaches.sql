{#-
    Every breach of a report's own rules that no reviewed entry explains, one row each, in
    one shape: a table's arithmetic (int_table_discrepancies), an indicator rule, or the
    status items against their summary table. A report with any is quarantined.
-#}
with

table_discrepancies as (

    select * from {{ ref('int_table_discrepancies') }}
    where not is_known

),

indicator_breaches as (

    select * from {{ ref('int_indicator_rule_breaches') }}

),

status_breaches as (

    {{ status_summary_discrepancies(ref('int_goal_status'), ref('int_assignment_counts')) }}

),

from_tables as (

    select
        report_id,
        rule,
        table_id,
        source_line,
        'table ' || table_id || ', row ''' || coalesce(row_label, '') || ''', column '''
            || coalesce(column_header, '') || ''': expected ' || expected_value
            || ', printed ' || printed_value as detail
    from table_discrepancies

),

from_indicators as (

    select
        report_id,
        rule,
        cast(null as varchar) as table_id,
        source_line,
        'indicator ''' || indicator || ''': ' || detail as detail
    from indicator_breaches

),

from_status as (

    select
        report_id,
        'status_items_match_summary' as rule,
        cast(null as varchar) as table_id,
        source_line,
        assignment_kind || ' ' || status || ', ' || measure || ': the summary table prints '
            || printed_value || ', the items count ' || expected_value as detail
    from status_breaches

),

final as (

    select * from from_tables
    union all
    select * from from_indicators
    union all
    select * from from_status

)

select * from final

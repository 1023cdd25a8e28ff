{#-
    Why a report is quarantined: one row per breach of its own rules that no reviewed entry
    explains, with the ingest's root cause where there is one (a line of the same table the
    ingest could not read). Its facts are in no mart until the number is fixed or the
    breach is reviewed into known_source_discrepancies.
-#}
with

breaches as (

    select * from {{ ref('int_rule_breaches') }}

),

status as (

    select * from {{ ref('int_report_status') }}

),

reports as (

    select * from {{ ref('stg_reports') }}

),

rejects as (

    select * from {{ ref('stg_ingest_rejects') }}

),

root_causes as (

    select
        report_id,
        table_id,
        string_agg('line ' || source_line || ': ' || reason, '; ' order by source_line)
            as root_cause
    from rejects
    where table_id is not null
    group by report_id, table_id

),

final as (

    select
        breaches.report_id,
        reports.file_name,
        breaches.rule,
        breaches.table_id,
        breaches.source_line,
        breaches.detail,
        root_causes.root_cause
    from breaches
    inner join status on breaches.report_id = status.report_id
    inner join reports on breaches.report_id = reports.report_id
    left join root_causes
        on breaches.report_id = root_causes.report_id
        and breaches.table_id = root_causes.table_id
    where status.load_status = 'quarantined'

)

select * from final

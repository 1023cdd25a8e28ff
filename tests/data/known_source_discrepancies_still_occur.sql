{{ config(severity='warn') }}

-- A reviewed discrepancy that no longer occurs (report corrected, parser changed) is stale:
-- remove it from seeds/reference/known_source_discrepancies.csv.
with

known as (

    -- the reviewed entries of the reports in this build
    select * from {{ ref('known_source_discrepancies') }}
    where report_id in (select report_id from {{ ref('stg_reports') }})

),

found as (

    select * from {{ ref('dq_source_discrepancies') }}

),

final as (

    select known.*
    from known
    where not exists (
        select 1 from found where {{ is_known_discrepancy('found', 'known') }}
    )

)

select * from final
